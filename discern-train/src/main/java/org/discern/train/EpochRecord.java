package org.discern.train;

/**
 * One line of a training history. Training-split metrics score the (original, not resampled)
 * training split with the network in inference mode at the end of the epoch; precision and
 * recall are at threshold 0.5 (NaN when nothing is predicted positive, see
 * {@link org.discern.metrics.ConfusionMatrix#precision()}).
 *
 * @param epoch 1-based epoch number
 * @param loss mean training objective over the epoch's batches (weighted for
 *        {@link Strategy#WEIGHTED}, on the resampled batches for resampling strategies)
 * @param auc ROC AUC on the training split
 * @param auprc average precision on the training split
 * @param precision precision at 0.5 on the training split
 * @param recall recall at 0.5 on the training split
 * @param valLoss log loss (unweighted) on the validation split
 * @param valAuc ROC AUC on the validation split
 * @param valAuprc average precision on the validation split (the early-stopping criterion)
 * @param valPrecision precision at 0.5 on the validation split
 * @param valRecall recall at 0.5 on the validation split
 * @param seconds wall time of the epoch including the evaluation
 */
public record EpochRecord(int epoch, double loss, double auc, double auprc, double precision, double recall,
        double valLoss, double valAuc, double valAuprc, double valPrecision, double valRecall, double seconds) {

    /** Column names of the history CSV, in record order. */
    public static final String CSV_HEADER =
            "epoch,loss,auc,auprc,precision,recall,val_loss,val_auc,val_auprc,val_precision,val_recall,seconds";
}
