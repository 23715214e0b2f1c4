package io.ridemesh.infra.cluster;

/**
 * A region of the local playground.
 *
 * @param id small numeric region id (1..8) used in HLC origin, global ids, MariaDB server id and
 *     GTID domain
 * @param name short name used in topics and file names: {@code a}, {@code b}, ...
 */
public record Region(int id, String name) {

    /** Most regions the playground's port plan has room for. */
    public static final int MAX_REGIONS = 8;

    public Region {
        if (id < 1 || id > MAX_REGIONS) {
            throw new IllegalArgumentException("region id must be in 1.." + MAX_REGIONS + ", but was " + id);
        }
        if (name == null || !name.matches("[a-z]")) {
            throw new IllegalArgumentException("region name must be one lower-case letter, but was " + name);
        }
    }

    /** The region with this 1-based id, named {@code a} for 1, {@code b} for 2, ... */
    public static Region of(int id) {
        if (id < 1 || id > MAX_REGIONS) {
            throw new IllegalArgumentException("region id must be in 1.." + MAX_REGIONS + ", but was " + id);
        }
        return new Region(id, String.valueOf((char) ('a' + id - 1)));
    }

    /** The region named {@code a}, {@code b}, ... */
    public static Region named(String name) {
        if (name == null || name.length() != 1) {
            throw new IllegalArgumentException("region name must be one letter a..h, but was " + name);
        }
        return of(name.charAt(0) - 'a' + 1);
    }
}
