package io.ridemesh.pricing.accuracy;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.trip.Trip;
import io.ridemesh.pricing.calibration.Stats;
import io.ridemesh.pricing.domain.FareCalculator;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.TripEstimate;
import io.ridemesh.pricing.domain.TripEstimator;
import java.util.List;
import java.util.Objects;

/**
 * Scores estimates against real trips, like with like: the quote's metered part for SOLO, one rider, surge 1.0,
 * under the rate card of the trip's own date (no surcharges, taxes, extras, tips or tolls), against the trip's
 * metered fare (NYC {@code fare_amount}, Chicago {@code fare}); and the duration estimate, rounded to whole seconds
 * as quoted, against the metered duration. Each trip is estimated from its end points and pickup time only, as a
 * quote would be. Stateless apart from the estimator; thread-safe.
 */
public final class AccuracyEvaluator {

    /** The ±20% band of {@link CityAccuracy#within20pct()}. */
    public static final double BAND = 0.20;

    private final TripEstimator estimator;

    public AccuracyEvaluator(TripEstimator estimator) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    /**
     * Scores {@code trips} (all in {@code unit}'s area, fare {@code > 0}).
     *
     * @param skipped rows left out before scoring, reported as they are
     */
    public CityAccuracy evaluate(ServiceUnit unit, List<Trip> trips, long skipped) {
        int n = trips.size();
        double[] fareErr = new double[n];
        double[] fareSigned = new double[n];
        double[] durErr = new double[n];
        double[] durSigned = new double[n];
        int within = 0;
        for (int i = 0; i < n; i++) {
            Trip t = trips.get(i);
            TripEstimate e = estimator.estimate(
                    unit,
                    new GeoPoint(t.pickupLat(), t.pickupLon()),
                    new GeoPoint(t.dropoffLat(), t.dropoffLon()),
                    t.pickupTime());
            long fare = FareCalculator.meteredCents(unit.tariffAt(t.pickupTime()), e);
            fareSigned[i] = (double) (fare - t.fareCents()) / t.fareCents();
            fareErr[i] = Math.abs(fareSigned[i]);
            if (fareErr[i] <= BAND) {
                within++;
            }
            durSigned[i] = (double) (e.roundedDurationSeconds() - t.durationSeconds()) / t.durationSeconds();
            durErr[i] = Math.abs(durSigned[i]);
        }
        return new CityAccuracy(
                unit.code(),
                n,
                skipped,
                Stats.median(fareErr),
                Stats.median(durErr),
                n == 0 ? Double.NaN : (double) within / n,
                Stats.median(fareSigned),
                Stats.median(durSigned));
    }
}
