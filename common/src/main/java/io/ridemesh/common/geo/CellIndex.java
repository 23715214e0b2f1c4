package io.ridemesh.common.geo;

/** Maps a point to the address of its hexagonal cell. Implementations are thread-safe. */
public interface CellIndex {

    /** The cell address of {@code p} at {@code resolution}. */
    String cellAt(GeoPoint p, int resolution);
}
