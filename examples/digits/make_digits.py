"""Export scikit-learn's copy of the UCI 8x8 handwritten digits as a CSV table and an image folder.

Run with the system Python that has scikit-learn 1.2.1 and Pillow:
    /usr/bin/python3 examples/digits/make_digits.py examples/digits
Writes digits.csv (p0..p63 = pixel values 0..16 row by row, then digit) and
images/<digit>/<index>.png (8x8 grayscale, value v shown as round(v * 255 / 16)).
"""
import os
import sys

from PIL import Image
from sklearn.datasets import load_digits


def main(out):
    d = load_digits()
    with open(os.path.join(out, "digits.csv"), "w", newline="\n") as f:
        f.write(",".join("p%d" % i for i in range(64)) + ",digit\n")
        for row, target in zip(d.data, d.target):
            f.write(",".join(str(int(v)) for v in row) + ",%d\n" % target)
    for i, (img, target) in enumerate(zip(d.images, d.target)):
        folder = os.path.join(out, "images", str(target))
        os.makedirs(folder, exist_ok=True)
        pixels = bytes(int(round(v * 255 / 16)) for v in img.reshape(-1))
        Image.frombytes("L", (8, 8), pixels).save(os.path.join(folder, "%04d.png" % i), optimize=True)


if __name__ == "__main__":
    main(sys.argv[1])
