package io.parking.simulator;

/**
 * One sensor reading of the plan.
 *
 * @param minute simulated minutes since the start of the plan
 * @param spotId the spot whose sensor reports
 * @param occupied whether a car is in the spot
 */
record SensorEvent(double minute, long spotId, boolean occupied) {}
