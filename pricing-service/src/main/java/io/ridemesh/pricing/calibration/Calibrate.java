package io.ridemesh.pricing.calibration;

import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.trip.TripReadStats;
import io.ridemesh.pricing.application.PricingModelLoader;
import io.ridemesh.pricing.domain.CityCalibration;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.ServiceUnits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Command: fits the trip estimator of every unit to real trip files and writes {@code pricing-calibration.json}.
 * Reproducible: no timestamps in the output, inputs identified by name and SHA-256, fits deterministic.
 *
 * <pre>
 * java -cp pricing-service/target/pricing-service-exec.jar \
 *   -Dloader.main=io.ridemesh.pricing.calibration.Calibrate \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --trips ../shared/data/nyc_tlc_yellow_2013-01-01_debs2015_sample.csv.gz \
 *           ../shared/data/chicago_taxi_trips_tfx_sample.csv.gz \
 *   --out pricing-service/src/main/resources/pricing-calibration.json
 * </pre>
 *
 * Exit codes: 0 written, 1 failed (message on stderr), 2 bad arguments.
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = "Fits distance, duration and meter-split parameters per unit to real trips.")
public final class Calibrate implements Callable<Integer> {

    @Option(
            names = "--trips",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Trip files (NYC DEBS 2015, Chicago TFX or canonical; .csv or .csv.gz).")
    List<Path> trips;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the calibration JSON (default: standard output).")
    @Nullable
    Path out;

    @Option(
            names = "--tariffs",
            paramLabel = "FILE",
            description = "Tariffs JSON (default: pricing-tariffs.json on the classpath).")
    @Nullable
    Path tariffs;

    @Option(
            names = "--cell-resolution",
            defaultValue = "7",
            description = "H3 resolution of the duration cell factors (default: ${DEFAULT-VALUE}).")
    int cellResolution;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Calibrate()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        ServiceUnits units = PricingModelLoader.units(tariffs);
        TripSet set = TripSet.read(trips, units);
        Calibrator calibrator = new Calibrator(H3CellIndex.load(), cellResolution);
        String json = toJson(set, units, calibrator);
        if (out == null) {
            System.out.print(json);
        } else {
            Files.writeString(out, json, StandardCharsets.UTF_8);
        }
        return 0;
    }

    String toJson(TripSet set, ServiceUnits units, Calibrator calibrator) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put(
                "about",
                "Trip estimator parameters per unit, fitted by io.ridemesh.pricing.calibration.Calibrate; formulas in "
                        + "CityCalibration, fitting in Calibrator. Regenerate, do not edit.");
        ArrayNode inputs = root.putArray("inputs");
        for (int i = 0; i < trips.size(); i++) {
            TripReadStats s = set.files().get(i);
            ObjectNode in = inputs.addObject();
            in.put("file", String.valueOf(trips.get(i).getFileName()));
            in.put("sha256", sha256(trips.get(i)));
            in.put("format", s.format().name());
            in.put("rows", s.rowsRead());
            in.put("accepted", s.accepted());
            ObjectNode skipped = in.putObject("skipped");
            s.skipped().forEach((reason, count) -> skipped.put(reason.code(), count));
        }
        ObjectNode byUnit = root.putObject("units");
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        for (ServiceUnit unit : units.all()) {
            var unitTrips = set.trips(unit.code());
            if (unitTrips.isEmpty()) {
                throw new IllegalArgumentException(
                        "no trips for unit " + unit.code() + " in " + trips + ": every unit needs a calibration");
            }
            Calibrator.Fit fit = calibrator.fit(unit, unitTrips);
            CityCalibration c = fit.calibration();
            ObjectNode u = byUnit.putObject(unit.code());
            u.put("trips", c.trips());
            ObjectNode skipped = u.putObject("skipped");
            new java.util.TreeMap<>(set.skipped(unit.code())).forEach(skipped::put);
            u.put("detourFactor", c.detourFactor());
            u.put("accessMetres", c.accessMetres());
            u.put("durationExponent", c.durationExponent());
            ArrayNode hours = u.putArray("hourLogIntercept");
            c.hourLogIntercept().forEach(hours::add);
            u.put("cellResolution", c.cellResolution());
            u.put("cruiseSpeedMps", c.cruiseSpeedMps());
            ObjectNode f = u.putObject("inSampleFit");
            f.put("distanceMdape", Calibrator.round(fit.distanceMdape(), 4));
            f.put("durationMdape", Calibrator.round(fit.durationMdape(), 4));
            f.put("meterOnRealDistanceAndDurationMdape", Calibrator.round(fit.meterMdape(), 4));
            ObjectNode cells = u.putObject("cellLogFactors");
            new java.util.TreeMap<>(c.cellLogFactors()).forEach(cells::put);
            err.printf(
                    "%s: %d trips, detour %.2f, access %.0f m, exponent %.2f, cruise %.2f m/s, %d cells%n",
                    unit.code(),
                    c.trips(),
                    c.detourFactor(),
                    c.accessMetres(),
                    c.durationExponent(),
                    c.cruiseSpeedMps(),
                    c.cellLogFactors().size());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
