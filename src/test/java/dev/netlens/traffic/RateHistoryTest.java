package dev.netlens.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateHistoryTest {
    private static Map<String, InterfaceRate> rate(String id, double bytes) {
        return Map.of(id, new InterfaceRate(id, true, bytes, 0, 0, 0, 0, 0));
    }

    @Test
    void keepsTheLastPointsOldestFirst() {
        RateHistory h = new RateHistory(3);
        for (int i = 1; i <= 5; i++) {
            h.add(rate("a", i));
        }
        assertEquals(List.of(3.0, 4.0, 5.0), RateSamplerTest.values(h.series("a")));
    }

    @Test
    void aQuietInterfaceIsNotCopiedIntoSnapshotsUntilItMoves() {
        RateHistory h = new RateHistory(3);
        h.add(rate("a", 0));
        assertTrue(h.moving().isEmpty());
        h.add(rate("a", 7));
        assertEquals(List.of(0.0, 7.0), RateSamplerTest.values(h.moving().get("a")));
        h.add(rate("a", 0));
        h.add(rate("a", 0));
        h.add(rate("a", 0));
        assertTrue(h.moving().isEmpty(), "the 7 left the window");
    }

    @Test
    void anInterfaceNotSeenForAWholeWindowIsForgotten() {
        RateHistory h = new RateHistory(2);
        h.add(rate("gone", 5));
        h.add(rate("other", 1));
        h.add(rate("other", 1));
        h.add(rate("other", 1));
        assertEquals(Series.EMPTY, h.series("gone"));
    }
}
