package dev.gigawatt.calibration;

/**
 * The replica model's value for one serving case.
 *
 * @param predicted the predicted value in the case's unit
 * @param error predicted / published − 1
 */
public record ServingPrediction(ServingCase servingCase, double predicted, double error)
        implements CalibrationTable.Predicted {}
