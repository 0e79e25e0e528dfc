package dev.gigawatt.calibration;

/**
 * The power models' value for one power case.
 *
 * @param predicted the predicted value in the case's unit
 * @param error predicted / published − 1
 */
public record PowerPrediction(PowerCase powerCase, double predicted, double error)
        implements CalibrationTable.Predicted {}
