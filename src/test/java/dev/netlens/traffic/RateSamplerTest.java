package dev.netlens.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.DemoTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ticks run by hand (no timer): what each tick hands over. */
class RateSamplerTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicReference<CounterRead> next = new AtomicReference<>();
    private final List<RateSnapshot> seen = new ArrayList<>();

    private static CounterRead read(long rxBytes, long at) {
        return new CounterRead(Map.of("h/ns/x/eth0", new CounterSample("eth0", 7, rxBytes, 0, rxBytes / 100, 0, 0, 0, 0, 0, at)),
                Map.of("remote", "rates unavailable: remote engine"), List.of());
    }

    private RateSampler sampler(CounterSource source) {
        RateSampler s = new RateSampler(source, seen::add);
        s.setTopology(DemoTopology.load());
        return s;
    }

    @Test
    void theFirstTickOnlyRecordsTheSecondGivesRates() {
        try (RateSampler s = sampler(snapshot -> next.get())) {
            next.set(read(1_000, 0));
            assertTrue(s.tick().rates().isEmpty(), "one sample is no rate");
            next.set(read(5_000, 2 * SECOND));
            RateSnapshot r = s.tick();
            assertEquals(2_000, r.rate("h/ns/x/eth0").bytesPerSecond(), 1e-9);
            assertEquals(Map.of("remote", "rates unavailable: remote engine"), r.unavailable());
            assertEquals(List.of(2_000.0), values(r.series("h/ns/x/eth0")), "the first tick has no point");
            assertEquals(2, seen.size());
            assertEquals(2, r.sequence());
        }
    }

    @Test
    void aResetShowsAsAnUnknownIntervalAndAFlatPointNeverNegative() {
        try (RateSampler s = sampler(snapshot -> next.get())) {
            next.set(read(9_000_000, 0));
            s.tick();
            next.set(read(100, SECOND));
            RateSnapshot reset = s.tick();
            assertFalse(reset.rate("h/ns/x/eth0").known());
            next.set(read(1_100, 2 * SECOND));
            RateSnapshot after = s.tick();
            assertEquals(1_000, after.rate("h/ns/x/eth0").bytesPerSecond(), 1e-9);
            assertEquals(List.of(0.0, 1_000.0), values(after.series("h/ns/x/eth0")));
        }
    }

    @Test
    void aFailingReadIsLoggedAndTheNextTickStillRuns() {
        AtomicReference<Boolean> fail = new AtomicReference<>(true);
        try (RateSampler s = sampler(snapshot -> {
            if (fail.get()) {
                throw new IllegalStateException("nsenter went away");
            }
            return next.get();
        })) {
            s.safeTick();
            assertTrue(seen.isEmpty());
            fail.set(false);
            next.set(read(10, 0));
            s.safeTick();
            assertEquals(1, seen.size());
        }
    }

    @Test
    void withoutATopologyNothingIsSampled() {
        try (RateSampler s = new RateSampler(snapshot -> {
            throw new AssertionError("not read");
        }, seen::add)) {
            assertNull(s.tick());
        }
    }

    @Test
    void offMeansNoInterval() {
        try (RateSampler s = sampler(snapshot -> read(0, 0))) {
            s.setInterval(null);
            assertNull(s.interval());
            s.setInterval(java.time.Duration.ofSeconds(5));
            assertEquals(java.time.Duration.ofSeconds(5), s.interval());
        }
    }

    @Test
    void theWindowHoldsFiveMinutesOfPoints() {
        assertEquals(150, RateSampler.capacity(java.time.Duration.ofSeconds(2)));
        assertEquals(30, RateSampler.capacity(java.time.Duration.ofSeconds(10)));
    }

    static List<Double> values(Series s) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.get(i));
        }
        return out;
    }
}
