#!/usr/bin/python3
"""Writes the NumPy reference files read by discern-io's tests (NpyReferenceTest).

Run from this folder with Debian's python3 and numpy (1.24.2 was used for the committed files):

    /usr/bin/python3 make_npy.py

Every output is deterministic (no randomness). reference.json lists, per file, the dtype, shape,
order and the expected values row-major (C order) as exact strings: integers in decimal,
floats as repr() of the value widened to Python float (exact for float16/float32).
"""
import json
import os
import pickle

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def values_for(dtype):
    """A 3 x 4 matrix exercising the range of dtype."""
    dt = np.dtype(dtype)
    if dt.kind == 'b':
        flat = [True, False, True, True, False, False, True, False, False, True, True, False]
    elif dt.kind in 'iu':
        info = np.iinfo(dt)
        flat = [info.min, info.max, 0, 1, 2, info.max - 1, 3, 100 % (int(info.max) + 1), 7, info.min + 1,
                int(info.max) // 3, 42]
        if dt.kind == 'i':
            flat[2] = -1
    else:
        info = np.finfo(dt)
        flat = [0.0, -0.0, 1.0, -1.5, float(info.max), float(info.tiny), float(info.tiny) * 2 ** -3,
                float(info.eps), 0.1, -3.25, 1e-3, 2.0 / 3.0]
    return np.array(flat, dtype=dt).reshape(3, 4)


def as_strings(a):
    out = []
    for v in np.ascontiguousarray(a).reshape(-1):
        if a.dtype.kind == 'f':
            out.append(repr(float(v)))
        elif a.dtype.kind == 'b':
            out.append('1' if v else '0')
        else:
            out.append(str(int(v)))
    return out


def main():
    reference = {}

    def record(name, a, fortran, version):
        reference[name] = {
            'dtype': a.dtype.name,
            'shape': list(a.shape),
            'fortran_order': fortran,
            'version': version,
            'values': as_strings(a),
        }

    def write(name, a, fortran=False, version=None):
        # (np.ascontiguousarray would turn a 0-d array into 1-d)
        stored = a if a.ndim == 0 else np.asfortranarray(a) if fortran else np.ascontiguousarray(a)
        with open(os.path.join(HERE, name), 'wb') as f:
            np.lib.format.write_array(f, stored, version=version, allow_pickle=False)
        record(name, a, fortran, list(version) if version else [1, 0])

    dtypes = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
              'float16', 'float32', 'float64']
    for name in dtypes:
        base = values_for(name)
        for endian, tag in (('<', 'le'), ('>', 'be')):
            a = base.astype(np.dtype(name).newbyteorder(endian) if np.dtype(name).itemsize > 1 else name)
            write('%s_%s_c.npy' % (name, tag), a)
            write('%s_%s_f.npy' % (name, tag), a, fortran=True)

    # the other format versions, and 1-D and 0-D shapes
    m = values_for('float32')
    write('float32_v2.npy', m, version=(2, 0))
    write('float32_v3.npy', m, version=(3, 0))
    write('int64_1d.npy', np.array([0, 2, 1, 2, 0, 1], dtype=np.int64))
    write('float64_scalar.npy', np.array(2.5))
    write('float32_empty.npy', np.zeros((0, 3), dtype=np.float32))
    write('bool_onehot.npy', np.eye(3, dtype=bool)[[0, 2, 1, 1]])

    # inputs that must be refused
    np.save(os.path.join(HERE, 'object.npy'), np.array([1, 'a', None], dtype=object), allow_pickle=True)
    with open(os.path.join(HERE, 'pickle.npy'), 'wb') as f:
        pickle.dump([1, 2, 3], f, protocol=4)
    np.save(os.path.join(HERE, 'structured.npy'), np.zeros(2, dtype=[('a', '<i4'), ('b', '<f8')]))
    np.save(os.path.join(HERE, 'int32_3d.npy'), np.zeros((2, 3, 4), dtype=np.int32))
    with open(os.path.join(HERE, 'float32_c_truncated.npy'), 'wb') as f:
        np.lib.format.write_array(f, np.zeros((10, 25), dtype='<f4'))
    with open(os.path.join(HERE, 'float32_c_truncated.npy'), 'r+b') as f:
        f.truncate(os.path.getsize(f.name) - 4)

    # archives: stored and deflated
    y = np.array([0, 1, 2, 1], dtype=np.int64)
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.5, 0.4, 0.1]], dtype=np.float32)
    np.savez(os.path.join(HERE, 'stored.npz'), y=y, scores=p)
    np.savez_compressed(os.path.join(HERE, 'deflated.npz'), y=y, scores=p)
    record('npz:y', y, False, [1, 0])
    record('npz:scores', p, False, [1, 0])

    write_fixtures()

    with open(os.path.join(HERE, 'reference.json'), 'w') as f:
        json.dump({'numpy': np.__version__, 'files': reference}, f, indent=1, sort_keys=True)
        f.write('\n')


FIXTURES = os.path.join(HERE, '..', '..', '..', '..', '..', 'discern-core', 'src', 'test', 'resources',
                        'fixtures')


def write_fixtures():
    """The multi-class and multi-label golden fixtures' inputs as .npy files (fixtures/ subfolder):
    NAME_y.npy (int64 class indices; for multi-label an n x L bool indicator in Fortran order),
    NAME_scores.npy (float64 n x K, C order), NAME_weights.npy when weighted, NAME_names.txt."""
    out = os.path.join(HERE, 'fixtures')
    os.makedirs(out, exist_ok=True)
    for name in ('multiclass_digits', 'multiclass_small_ties', 'multiclass_weighted', 'multilabel_small'):
        with open(os.path.join(FIXTURES, name + '.json')) as f:
            data = json.load(f)['input']
        scores = np.array(data['scores'], dtype=np.float64)
        if name.startswith('multilabel'):
            y = np.asfortranarray(np.array(data['labels'], dtype=bool))
            names = data['labels_names']
        else:
            y = np.array(data['labels'], dtype=np.int64)
            names = data['classes']
        np.save(os.path.join(out, name + '_y.npy'), y)
        np.save(os.path.join(out, name + '_scores.npy'), scores)
        if data.get('weights') is not None:
            np.save(os.path.join(out, name + '_weights.npy'), np.array(data['weights'], dtype=np.float64))
        with open(os.path.join(out, name + '_names.txt'), 'w') as f:
            f.write('\n'.join(names) + '\n')


if __name__ == '__main__':
    main()
