package io.ridemesh.pricing.accuracy;

import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.trip.Trip;
import io.ridemesh.pricing.application.PricingModelLoader;
import io.ridemesh.pricing.calibration.Calibrator;
import io.ridemesh.pricing.calibration.TripSet;
import io.ridemesh.pricing.domain.CityCalibration;
import io.ridemesh.pricing.domain.PricingModel;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.TripEstimator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command: how close quotes come to what real meters charged. For each city: median absolute percentage error (MdAPE)
 * of the no-surge metered fare and of the duration estimate, and the share of fares within ±20% (see
 * {@link AccuracyEvaluator} for what is compared). Prints a table for humans, then one final line of JSON: a list of
 * {@code {"city","trips","skipped","fare_mdape","duration_mdape","within_20pct"}} with fractions, not percents.
 *
 * <p>Runs without Spring, a database or Redis: the pricing model comes from the JSON files on the classpath (or
 * {@code --tariffs}/{@code --calibration}). With {@code --cross-validate} each city's trips are split in two halves by
 * file position (even/odd), each half is scored with a calibration fitted on the other, and the pooled errors are
 * reported instead: an out-of-sample check of the committed, in-sample calibration.
 *
 * <pre>
 * java -cp pricing-service/target/pricing-service-exec.jar \
 *   -Dloader.main=io.ridemesh.pricing.accuracy.AccuracyReport \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --trips ../shared/data/nyc_tlc_yellow_2013-01-01_debs2015_sample.csv.gz \
 *           ../shared/data/chicago_taxi_trips_tfx_sample.csv.gz
 * </pre>
 *
 * Exit codes: 0 report printed (whether or not the goals are met), 1 failed, 2 bad arguments.
 */
@Command(
        name = "accuracy",
        mixinStandardHelpOptions = true,
        description = "Scores no-surge fare and duration estimates against real trips.")
public final class AccuracyReport implements Callable<Integer> {

    /** Goal: fare MdAPE at most 15%. */
    public static final double FARE_GOAL = 0.15;
    /** Goal: duration MdAPE at most 25%. */
    public static final double DURATION_GOAL = 0.25;

    @Option(
            names = "--trips",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Trip files (NYC DEBS 2015, Chicago TFX or canonical; .csv or .csv.gz).")
    List<Path> trips;

    @Option(names = "--tariffs", paramLabel = "FILE", description = "Tariffs JSON (default: classpath).")
    @Nullable
    Path tariffs;

    @Option(names = "--calibration", paramLabel = "FILE", description = "Calibration JSON (default: classpath).")
    @Nullable
    Path calibration;

    @Option(
            names = "--cross-validate",
            description = "Score each half of the trips with a calibration fitted on the other half.")
    boolean crossValidate;

    private final PrintStream out;

    public AccuracyReport() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    AccuracyReport(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AccuracyReport()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PricingModel model = PricingModelLoader.load(tariffs, calibration);
        H3CellIndex cells = H3CellIndex.load();
        TripSet set = TripSet.read(trips, model.units());
        List<CityAccuracy> results = new ArrayList<>();
        for (String code : set.unitCodes()) {
            ServiceUnit unit = model.units().byCode(code).orElse(null);
            List<Trip> unitTrips = set.trips(code);
            if (unit == null || unitTrips.isEmpty()) {
                results.add(new CityAccuracy(
                        code, 0, set.skippedTotal(code), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            if (crossValidate) {
                results.add(crossValidated(unit, unitTrips, set.skippedTotal(code), cells));
            } else {
                results.add(new AccuracyEvaluator(new TripEstimator(model.calibrations(), cells))
                        .evaluate(unit, unitTrips, set.skippedTotal(code)));
            }
        }
        printTable(results, set);
        out.println(json(results));
        return 0;
    }

    private static CityAccuracy crossValidated(ServiceUnit unit, List<Trip> trips, long skipped, H3CellIndex cells) {
        List<Trip> even = new ArrayList<>();
        List<Trip> odd = new ArrayList<>();
        for (int i = 0; i < trips.size(); i++) {
            (i % 2 == 0 ? even : odd).add(trips.get(i));
        }
        Calibrator calibrator = new Calibrator(cells, 7);
        CityCalibration onEven = calibrator.fit(unit, even).calibration();
        CityCalibration onOdd = calibrator.fit(unit, odd).calibration();
        CityAccuracy a =
                new AccuracyEvaluator(new TripEstimator(Map.of(unit.code(), onEven), cells)).evaluate(unit, odd, 0);
        CityAccuracy b =
                new AccuracyEvaluator(new TripEstimator(Map.of(unit.code(), onOdd), cells)).evaluate(unit, even, 0);
        // Medians do not pool exactly; a trip-weighted mean of the two halves' medians is close and stays simple.
        double wa = (double) a.trips() / trips.size();
        double wb = 1.0 - wa;
        return new CityAccuracy(
                unit.code(),
                trips.size(),
                skipped,
                wa * a.fareMdape() + wb * b.fareMdape(),
                wa * a.durationMdape() + wb * b.durationMdape(),
                wa * a.within20pct() + wb * b.within20pct(),
                wa * a.fareMedianBias() + wb * b.fareMedianBias(),
                wa * a.durationMedianBias() + wb * b.durationMedianBias());
    }

    private void printTable(List<CityAccuracy> results, TripSet set) {
        out.println(
                crossValidate
                        ? "Accuracy of no-surge metered fare and duration, 2-fold cross-validated (fit on one half, score the other)"
                        : "Accuracy of no-surge metered fare and duration against real trips (committed calibration)");
        out.printf(
                Locale.ROOT,
                "%-10s %7s %8s %10s %10s %13s %10s %10s  %s%n",
                "city",
                "trips",
                "skipped",
                "fare MdAPE",
                "dur MdAPE",
                "fare +-20%",
                "fare bias",
                "dur bias",
                "goals (fare <= 15%, duration <= 25%)");
        for (CityAccuracy r : results) {
            boolean met = r.fareMdape() <= FARE_GOAL && r.durationMdape() <= DURATION_GOAL;
            out.printf(
                    Locale.ROOT,
                    "%-10s %7d %8d %9.1f%% %9.1f%% %12.1f%% %+9.1f%% %+9.1f%%  %s%n",
                    r.city(),
                    r.trips(),
                    r.skipped(),
                    100 * r.fareMdape(),
                    100 * r.durationMdape(),
                    100 * r.within20pct(),
                    100 * r.fareMedianBias(),
                    100 * r.durationMedianBias(),
                    met ? "met" : "MISSED");
        }
        for (CityAccuracy r : results) {
            out.println("  skipped " + r.city() + ": " + new java.util.TreeMap<>(set.skipped(r.city())));
        }
    }

    static String json(List<CityAccuracy> results) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < results.size(); i++) {
            CityAccuracy r = results.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"city\":\"")
                    .append(r.city())
                    .append("\",\"trips\":")
                    .append(r.trips())
                    .append(",\"skipped\":")
                    .append(r.skipped())
                    .append(",\"fare_mdape\":")
                    .append(fraction(r.fareMdape()))
                    .append(",\"duration_mdape\":")
                    .append(fraction(r.durationMdape()))
                    .append(",\"within_20pct\":")
                    .append(fraction(r.within20pct()))
                    .append('}');
        }
        return sb.append(']').toString();
    }

    private static String fraction(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }
}
