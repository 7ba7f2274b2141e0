package dev.netlens.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RatesTest {
    private static final long SECOND = 1_000_000_000L;

    static CounterSample sample(int ifindex, long rxBytes, long txBytes, long packets, long drops, long errors, long at) {
        return new CounterSample("eth0", ifindex, rxBytes, txBytes, packets, packets, drops, 0, errors, 0, at);
    }

    @Test
    void bytesAndPacketsPerSecondOverTheInterval() {
        InterfaceRate r = Rates.between("if", sample(5, 1_000, 500, 10, 0, 0, 0), sample(5, 5_000, 2_500, 30, 0, 0, 2 * SECOND));
        assertTrue(r.known());
        assertEquals(2_000, r.rxBytesPerSecond(), 1e-9);
        assertEquals(1_000, r.txBytesPerSecond(), 1e-9);
        assertEquals(3_000, r.bytesPerSecond(), 1e-9);
        assertEquals(20, r.packetsPerSecond(), 1e-9);
        assertFalse(r.troubled());
    }

    @Test
    void dropsAndErrorsThatRoseAreCountedAndMarkTheInterfaceTroubled() {
        InterfaceRate r = Rates.between("if", sample(5, 0, 0, 0, 3, 1, 0), sample(5, 0, 0, 0, 7, 2, SECOND));
        assertEquals(4, r.dropsRose());
        assertEquals(1, r.errorsRose());
        assertTrue(r.troubled());
    }

    @Test
    void aCounterThatWentDownIsAResetNeverANegativeRate() {
        InterfaceRate r = Rates.between("if", sample(5, 9_000_000, 9_000_000, 900, 0, 0, 0), sample(5, 1_000, 2_000, 5, 0, 0, SECOND));
        assertFalse(r.known());
        assertEquals(0, r.bytesPerSecond());
        assertEquals(0, r.packetsPerSecond());
        assertFalse(r.troubled());
    }

    @Test
    void aDropCounterThatWentDownIsAResetToo() {
        InterfaceRate r = Rates.between("if", sample(5, 0, 0, 0, 50, 0, 0), sample(5, 100, 100, 1, 0, 0, SECOND));
        assertFalse(r.known());
        assertEquals(0, r.dropsRose());
    }

    @Test
    void anInterfaceMadeAgainUnderTheSameNameIsAResetEvenWhenItsCountersGrewPast() {
        InterfaceRate r = Rates.between("if", sample(5, 100, 100, 1, 0, 0, 0), sample(9, 1_000_000, 1_000_000, 1_000, 0, 0, SECOND));
        assertFalse(r.known(), "ifindex 5 became 9: another interface");
    }

    @Test
    void aTimeThatDidNotMoveForwardGivesNoRate() {
        assertFalse(Rates.between("if", sample(5, 0, 0, 0, 0, 0, SECOND), sample(5, 10, 10, 1, 0, 0, SECOND)).known());
    }

    @Test
    void afterAResetTheNextIntervalHasARateAgain() {
        CounterSample a = sample(5, 9_000, 9_000, 9, 0, 0, 0);
        CounterSample b = sample(5, 100, 100, 1, 0, 0, SECOND);
        CounterSample c = sample(5, 1_100, 100, 2, 0, 0, 2 * SECOND);
        assertFalse(Rates.between("if", a, b).known());
        InterfaceRate next = Rates.between("if", b, c);
        assertTrue(next.known());
        assertEquals(1_000, next.bytesPerSecond(), 1e-9);
    }

    @Test
    void onlyInterfacesSampledBothTimesGetARate() {
        Map<String, InterfaceRate> r = Rates.between(
                Map.of("a", sample(1, 0, 0, 0, 0, 0, 0), "gone", sample(2, 0, 0, 0, 0, 0, 0)),
                Map.of("a", sample(1, 10, 0, 1, 0, 0, SECOND), "new", sample(3, 10, 0, 1, 0, 0, SECOND)));
        assertEquals(java.util.Set.of("a"), r.keySet());
    }
}
