package io.ridemesh.common.hlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurableUpperBoundTest {

    /** A store that records every persisted bound and can be made to fail. */
    static final class RecordingStore implements HlcStore {
        final List<Long> persisted = new ArrayList<>();
        long value;
        boolean failing;

        RecordingStore(long value) {
            this.value = value;
        }

        @Override
        public long load() {
            return value;
        }

        @Override
        public void persist(long bound) {
            if (failing) {
                throw new HlcStoreUnavailable("store down", new RuntimeException());
            }
            persisted.add(bound);
            value = bound;
        }
    }

    @Test
    void persistsAWindowAheadAndRenewsOnlyNearTheBound() {
        RecordingStore store = new RecordingStore(0);
        DurableUpperBound bound = DurableUpperBound.load(store, 16, "HLC");

        long t = 5_000L << 16;
        assertThat(bound.cover(t)).isEqualTo(t);
        assertThat(store.persisted).containsExactly(6_000L << 16);

        // up to the renew margin: no write
        assertThat(bound.cover((5_499L << 16) | 7)).isEqualTo((5_499L << 16) | 7);
        assertThat(store.persisted).hasSize(1);

        // within 500 ms of the bound: a new one, a window ahead of the value that needed it
        bound.cover(5_500L << 16);
        assertThat(store.persisted).containsExactly(6_000L << 16, 6_500L << 16);
    }

    @Test
    void aValueIsNotHandedOutWhenItsBoundCannotBePersisted() {
        RecordingStore store = new RecordingStore(0);
        DurableUpperBound bound = DurableUpperBound.load(store, 12, "id");
        store.failing = true;

        assertThatThrownBy(() -> bound.cover(1_000L << 12)).isInstanceOf(HlcStoreUnavailable.class);
        store.failing = false;
        bound.cover(1_000L << 12);
        assertThat(store.persisted).containsExactly(2_000L << 12);
    }

    @Test
    void restoresTheLoadedBoundAndRefusesANegativeOne() {
        assertThat(DurableUpperBound.load(new RecordingStore(42L << 16), 16, "HLC")
                        .restored())
                .isEqualTo(42L << 16);
        assertThatThrownBy(() -> DurableUpperBound.load(new RecordingStore(-1), 16, "HLC"))
                .hasMessageContaining("persisted HLC upper bound must be >= 0, but was -1");
        DurableUpperBound none = DurableUpperBound.none();
        assertThat(none.cover(Long.MAX_VALUE - 1)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(none.restored()).isZero();
    }
}
