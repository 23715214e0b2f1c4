package io.ridemesh.pricing.calibration;

import io.ridemesh.common.geo.CellIndex;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.trip.Trip;
import io.ridemesh.pricing.domain.CityCalibration;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.Tariff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fits a {@link CityCalibration} (formulas there) to one unit's real trips. Deterministic: the same trips in the same
 * order give the same numbers, so the committed {@code pricing-calibration.json} can be regenerated and diffed.
 *
 * <p>Fits, in order, each minimising a median so a few wild rows (a 0.01-mile $50 fare) cannot pull it:
 *
 * <ol>
 *   <li>distance: grid search of {@code detourFactor} in [1.00, 2.00] and {@code accessMetres} in [0, 2000] m, coarse
 *       then fine (0.01, 10 m), minimising the median absolute percentage error (MdAPE) against metered distance;
 *   <li>duration exponent: grid over [0.20, 1.20] by 0.01; for each, the intercept is the median log residual (the
 *       least-absolute-deviation intercept); keeps the exponent with the lowest duration MdAPE;
 *   <li>hour intercepts: median log residual per local hour with at least {@value #MIN_TRIPS_PER_HOUR} trips, else
 *       the global intercept;
 *   <li>cell factors: median log residual of the trips that start or end in each H3 cell, shrunk towards 0 by
 *       {@code n / (n + }{@value #CELL_SHRINKAGE}{@code )} (empirical-Bayes-style shrinkage: a cell seen twice barely
 *       moves); cells with fewer than {@value #MIN_TRIPS_PER_CELL} trips are left out;
 *   <li>cruise speed: bisection for the speed at which the median of (tariff meter on the trip's real distance and
 *       two-fluid slow time − real fare) is zero, each trip under the rate card of its own date.
 * </ol>
 *
 * <p>Stateless apart from its collaborators; thread-safe.
 */
public final class Calibrator {

    static final int MIN_TRIPS_PER_HOUR = 30;
    static final int MIN_TRIPS_PER_CELL = 3;
    static final double CELL_SHRINKAGE = 10.0;

    private final CellIndex cells;
    private final int cellResolution;

    /**
     * @param cells H3 index
     * @param cellResolution resolution of the duration cell factors (7: 5.2 km² cells, enough trips per cell)
     */
    public Calibrator(CellIndex cells, int cellResolution) {
        this.cells = Objects.requireNonNull(cells, "cells");
        this.cellResolution = cellResolution;
    }

    /** A fitted calibration and how well it fits its own trips. */
    public record Fit(CityCalibration calibration, double distanceMdape, double durationMdape, double meterMdape) {}

    /**
     * Fits {@code unit} to {@code trips}, which must all be in the unit's service area with fare {@code > 0}.
     *
     * @throws IllegalArgumentException if there are fewer than 100 trips
     */
    public Fit fit(ServiceUnit unit, List<Trip> trips) {
        int n = trips.size();
        if (n < 100) {
            throw new IllegalArgumentException("trips of unit " + unit.code() + " must be >= 100, but was " + n);
        }
        double[] h = new double[n];
        double[] m = new double[n];
        double[] s = new double[n];
        int[] hour = new int[n];
        String[] pickupCell = new String[n];
        String[] dropoffCell = new String[n];
        for (int i = 0; i < n; i++) {
            Trip t = trips.get(i);
            GeoPoint p = new GeoPoint(t.pickupLat(), t.pickupLon());
            GeoPoint d = new GeoPoint(t.dropoffLat(), t.dropoffLon());
            h[i] = p.haversineMetresTo(d);
            m[i] = t.distanceMetres();
            s[i] = t.durationSeconds();
            hour[i] = t.pickupTime().atZone(unit.zone()).getHour();
            pickupCell[i] = cells.cellAt(p, cellResolution);
            dropoffCell[i] = cells.cellAt(d, cellResolution);
        }

        // 1. distance
        double[] best = {Double.MAX_VALUE, 1.0, 0.0};
        searchDistance(h, m, best, 1.00, 2.00, 0.05, 0, 2000, 100);
        double coarseDetour = best[1];
        double coarseAccess = best[2];
        searchDistance(
                h,
                m,
                best,
                Math.max(1.0, coarseDetour - 0.05),
                coarseDetour + 0.05,
                0.01,
                Math.max(0, coarseAccess - 100),
                coarseAccess + 100,
                10);
        double detour = best[1];
        double access = best[2];
        double distanceMdape = best[0];

        double[] logD = new double[n];
        double[] logS = new double[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            double d = detour * h[i];
            dist[i] = Math.sqrt(d * d + access * access);
            logD[i] = Math.log(Math.max(1.0, dist[i]));
            logS[i] = Math.log(s[i]);
        }

        // 2. duration exponent and global intercept
        double bestErr = Double.MAX_VALUE;
        double exponent = 0.5;
        double intercept = 0;
        double[] resid = new double[n];
        double[] ape = new double[n];
        for (int k = 20; k <= 120; k++) {
            double b = k / 100.0;
            for (int i = 0; i < n; i++) {
                resid[i] = logS[i] - b * logD[i];
            }
            double a = Stats.median(resid);
            for (int i = 0; i < n; i++) {
                ape[i] = Stats.absolutePercentageError(Math.exp(a + b * logD[i]), s[i]);
            }
            double err = Stats.median(ape);
            if (err < bestErr) {
                bestErr = err;
                exponent = b;
                intercept = a;
            }
        }

        // 3. hour intercepts
        List<Double> hours = new ArrayList<>(24);
        for (int hr = 0; hr < 24; hr++) {
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (hour[i] == hr) {
                    resid[c++] = logS[i] - exponent * logD[i];
                }
            }
            hours.add(round(c >= MIN_TRIPS_PER_HOUR ? Stats.median(resid, c) : intercept, 6));
        }

        // 4. cell factors
        Map<String, List<Double>> byCell = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double r = logS[i] - exponent * logD[i] - hours.get(hour[i]);
            byCell.computeIfAbsent(pickupCell[i], x -> new ArrayList<>()).add(r);
            if (!dropoffCell[i].equals(pickupCell[i])) {
                byCell.computeIfAbsent(dropoffCell[i], x -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Double> cellFactors = new TreeMap<>();
        byCell.forEach((cell, rs) -> {
            if (rs.size() >= MIN_TRIPS_PER_CELL) {
                double[] arr = rs.stream().mapToDouble(Double::doubleValue).toArray();
                double shrunk = Stats.median(arr) * rs.size() / (rs.size() + CELL_SHRINKAGE);
                cellFactors.put(cell, round(shrunk, 4));
            }
        });

        // 5. cruise speed of the two-fluid meter split
        double lo = 1.0;
        double hi = 40.0;
        for (int iter = 0; iter < 60; iter++) {
            double v = (lo + hi) / 2;
            if (medianMeterResidual(unit, trips, v) > 0) {
                hi = v;
            } else {
                lo = v;
            }
        }
        double cruise = round((lo + hi) / 2, 4);

        CityCalibration calibration = new CityCalibration(
                unit.code(),
                n,
                round(detour, 4),
                round(access, 1),
                exponent,
                hours,
                cellResolution,
                cellFactors,
                cruise);

        // In-sample fit of the final model, for the file's record.
        for (int i = 0; i < n; i++) {
            double est = calibration.durationSeconds(dist[i], hour[i], pickupCell[i], dropoffCell[i]);
            ape[i] = Stats.absolutePercentageError(est, s[i]);
        }
        double durationMdape = Stats.median(ape);
        for (int i = 0; i < n; i++) {
            Trip t = trips.get(i);
            Tariff tariff = unit.tariffAt(t.pickupTime());
            long meter = tariff.meterCents(m[i], Math.max(0, s[i] - m[i] / cruise));
            ape[i] = Stats.absolutePercentageError(meter, t.fareCents());
        }
        return new Fit(calibration, distanceMdape, durationMdape, Stats.median(ape));
    }

    private static void searchDistance(
            double[] h,
            double[] m,
            double[] best,
            double detourFrom,
            double detourTo,
            double detourStep,
            double accessFrom,
            double accessTo,
            double accessStep) {
        double[] ape = new double[h.length];
        int detourSteps = (int) Math.round((detourTo - detourFrom) / detourStep);
        int accessSteps = (int) Math.round((accessTo - accessFrom) / accessStep);
        for (int di = 0; di <= detourSteps; di++) {
            double detour = detourFrom + di * detourStep;
            for (int ai = 0; ai <= accessSteps; ai++) {
                double access = accessFrom + ai * accessStep;
                for (int i = 0; i < h.length; i++) {
                    double d = detour * h[i];
                    ape[i] = Stats.absolutePercentageError(Math.sqrt(d * d + access * access), m[i]);
                }
                double err = Stats.median(ape);
                if (err < best[0]) {
                    best[0] = err;
                    best[1] = detour;
                    best[2] = access;
                }
            }
        }
    }

    private static double medianMeterResidual(ServiceUnit unit, List<Trip> trips, double cruise) {
        double[] r = new double[trips.size()];
        for (int i = 0; i < r.length; i++) {
            Trip t = trips.get(i);
            double slow = Math.max(0, t.durationSeconds() - t.distanceMetres() / cruise);
            r[i] = unit.tariffAt(t.pickupTime()).meterCents(t.distanceMetres(), slow) - t.fareCents();
        }
        return Stats.median(r);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
