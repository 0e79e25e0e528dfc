package dev.gigawatt.calibration;

import dev.gigawatt.model.StepTime;

/**
 * The model's prediction for one calibration case.
 *
 * @param predicted predicted value in the case's quantity
 * @param error relative error, {@code predicted / published − 1}
 */
public record Prediction(TrainingCase trainingCase, StepTime step, double predicted, double error) {}
