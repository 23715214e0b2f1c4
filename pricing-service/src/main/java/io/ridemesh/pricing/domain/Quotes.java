package io.ridemesh.pricing.domain;

import java.util.Optional;

/** Port: issued quotes of this region (a regional table, not replicated). Implementations are thread-safe. */
public interface Quotes {

    /** Stores a newly issued quote. */
    void add(Quote quote);

    /** The quote with {@code quoteId}, if this region issued it. */
    Optional<Quote> byId(String quoteId);
}
