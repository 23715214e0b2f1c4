package io.ridemesh.gateway.region;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The directory of the deployment's regions and their service base URLs, as configured for this gateway. Immutable;
 * thread-safe.
 */
public final class Regions {

    private final List<Region> all;
    private final Region self;
    private final Map<Integer, Map<ServiceKind, URI>> endpoints;

    /**
     * @param all every region, in display order; ids and names unique
     * @param self this gateway's region, one of {@code all}
     * @param endpoints per region id, the base URLs of its services (missing kinds are not probed or routed to)
     * @throws IllegalArgumentException if {@code self} is not in {@code all} or an id or name repeats
     */
    public Regions(List<Region> all, Region self, Map<Integer, Map<ServiceKind, URI>> endpoints) {
        this.all = List.copyOf(all);
        this.self = Objects.requireNonNull(self, "self");
        if (!this.all.contains(self)) {
            throw new IllegalArgumentException("regions must contain this region " + self + ", but were " + all);
        }
        if (this.all.stream().map(Region::id).distinct().count() != this.all.size()
                || this.all.stream().map(Region::name).distinct().count() != this.all.size()) {
            throw new IllegalArgumentException("region ids and names must be unique, but were " + all);
        }
        Map<Integer, Map<ServiceKind, URI>> copy = new LinkedHashMap<>();
        endpoints.forEach((id, byKind) -> copy.put(id, Map.copyOf(byKind)));
        this.endpoints = Map.copyOf(copy);
    }

    /** Every region, in configuration order. */
    public List<Region> all() {
        return all;
    }

    /** This gateway's region. */
    public Region self() {
        return self;
    }

    /** The region with id {@code id}, if configured. */
    public Optional<Region> byId(int id) {
        return all.stream().filter(r -> r.id() == id).findFirst();
    }

    /**
     * The region a caller named: by name ({@code a}, case-insensitive) or by id ({@code 1}).
     *
     * @return empty if no configured region matches
     */
    public Optional<Region> resolve(String ref) {
        String trimmed = ref.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit) && trimmed.length() <= 3) {
            return byId(Integer.parseInt(trimmed));
        }
        String name = trimmed.toLowerCase(Locale.ROOT);
        return all.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The base URL of {@code kind} in {@code region}, if configured. */
    public Optional<URI> endpoint(Region region, ServiceKind kind) {
        return Optional.ofNullable(endpoints.getOrDefault(region.id(), Map.of()).get(kind));
    }

    /** The configured services of {@code region}, in {@link ServiceKind} order. */
    public List<ServiceKind> servicesOf(Region region) {
        List<ServiceKind> out = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            if (endpoint(region, kind).isPresent()) {
                out.add(kind);
            }
        }
        return out;
    }

    /** Region name for display: the configured name, else {@code #id}. */
    public String nameOf(int regionId) {
        return byId(regionId).map(Region::name).orElse("#" + regionId);
    }

    @Override
    public String toString() {
        return "Regions" + all + "[self=" + self + "]";
    }
}
