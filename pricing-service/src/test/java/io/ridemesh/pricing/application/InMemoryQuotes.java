package io.ridemesh.pricing.application;

import io.ridemesh.pricing.domain.Quote;
import io.ridemesh.pricing.domain.Quotes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Quotes} in a map, for tests. Thread-safe. */
public final class InMemoryQuotes implements Quotes {

    private final Map<String, Quote> quotes = new ConcurrentHashMap<>();

    @Override
    public void add(Quote quote) {
        if (quotes.putIfAbsent(quote.quoteId(), quote) != null) {
            throw new IllegalStateException("duplicate quote id " + quote.quoteId());
        }
    }

    @Override
    public Optional<Quote> byId(String quoteId) {
        return Optional.ofNullable(quotes.get(quoteId));
    }

    public int count() {
        return quotes.size();
    }

    public void clear() {
        quotes.clear();
    }
}
