package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideEvent;
import io.ridemesh.order.ride.domain.RideEvents;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.ride.domain.StaleWrite;
import io.ridemesh.order.ride.domain.Transition;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs one command on a stored ride: read, check the caller may see it, apply the domain method, and if it changed
 * anything write the ride (versioned CAS) and its outbox event in one local transaction.
 *
 * <p>Thread-safe. Errors: {@link RideNotFound} if the caller may not see the ride, the domain's exceptions if the
 * command is not allowed, {@link StaleWrite} if a concurrent write won (the ride itself is withheld unless the caller
 * may see it; its status and version are always reported).
 */
public final class RideChanges {

    private final Rides rides;
    private final RideEvents events;
    private final TransactionOperations transactions;

    /**
     * @param rides where rides are stored
     * @param events the outbox
     * @param transactions runs a block in one local transaction (read committed, so a failed CAS re-reads what won)
     */
    public RideChanges(Rides rides, RideEvents events, TransactionOperations transactions) {
        this.rides = Objects.requireNonNull(rides, "rides");
        this.events = Objects.requireNonNull(events, "events");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Runs {@code command} on ride {@code id} if {@code actor} may see it (see {@link RideAccess}). */
    Ride change(RideId id, Actor actor, Function<Ride, Transition> command) {
        return change(id, actor, ride -> RideAccess.canSee(actor, ride), command);
    }

    /** Runs {@code command} on ride {@code id} if {@code addressable} accepts it. */
    Ride change(RideId id, Actor actor, Predicate<Ride> addressable, Function<Ride, Transition> command) {
        try {
            Ride result = transactions.execute(status -> {
                Ride current = rides.find(id).filter(addressable).orElseThrow(() -> new RideNotFound(id));
                Transition transition = command.apply(current);
                RideEvent event = transition.event();
                if (event == null) {
                    return current;
                }
                Ride stored = rides.update(transition.ride());
                events.append(event, stored.revision().hlc());
                return stored;
            });
            return Objects.requireNonNull(result, "transaction result");
        } catch (StaleWrite e) {
            Ride current = e.current();
            if (current != null && !RideAccess.canSee(actor, current)) {
                throw e.withoutRide();
            }
            throw e;
        }
    }
}
