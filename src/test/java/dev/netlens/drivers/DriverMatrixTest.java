package dev.netlens.drivers;

import dev.netlens.testing.PanelSnapshots;
import static dev.netlens.testing.PanelSnapshots.network;
import static dev.netlens.testing.PanelSnapshots.scanLab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.TopologySnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DriverMatrixTest {
    private final TopologySnapshot lab = scanLab();

    @Test
    void selectedNetworksDriverIsTheOnlyHighlightedColumnAndCells() {
        Driver selected = Driver.of(network(lab, PanelSnapshots.hostAt(lab, PanelSnapshots.ENGINE1), "lab-macvlan")).orElseThrow();
        DriverMatrix m = DriverMatrix.build(lab, Locale.ENGLISH, selected);
        assertEquals(List.of(Driver.MACVLAN),
                m.columns().stream().filter(MatrixColumn::highlighted).map(MatrixColumn::driver).toList());
        for (MatrixRow row : m.rows()) {
            assertEquals(List.of(Driver.MACVLAN),
                    row.cells().stream().filter(MatrixCell::highlighted).map(MatrixCell::driver).toList(), row.label());
        }
    }

    @Test
    void noneNetworkSelectsTheNoneDriverThoughTheEngineCallsItNull() {
        Driver selected = Driver.of(network(lab, PanelSnapshots.hostAt(lab, PanelSnapshots.ENGINE1), "none")).orElseThrow();
        assertEquals(Driver.NONE, selected);
        DriverMatrix m = DriverMatrix.build(lab, Locale.ENGLISH, selected);
        assertTrue(m.columns().get(Driver.NONE.ordinal()).highlighted());
    }

    @Test
    void nothingIsHighlightedWithoutASelection() {
        DriverMatrix m = DriverMatrix.build(lab, Locale.ENGLISH, null);
        assertTrue(m.columns().stream().noneMatch(MatrixColumn::highlighted));
        assertTrue(m.rows().stream().flatMap(r -> r.cells().stream()).noneMatch(MatrixCell::highlighted));
    }

    @Test
    void rowsAreTheRatedCriteriaAndEveryCellHasARatingAndAWord() {
        DriverMatrix m = DriverMatrix.build(lab, Locale.ENGLISH, Driver.BRIDGE);
        assertEquals(Arrays.stream(Topic.values()).filter(Topic::rated).toList(),
                m.rows().stream().map(MatrixRow::topic).toList());
        assertEquals(Arrays.asList(Driver.values()), m.columns().stream().map(MatrixColumn::driver).toList());
        for (MatrixRow row : m.rows()) {
            assertEquals(Arrays.asList(Driver.values()), row.cells().stream().map(MatrixCell::driver).toList());
            for (MatrixCell cell : row.cells()) {
                assertFalse(cell.word().isBlank(), row.topic() + "/" + cell.driver());
                assertEquals(cell.rating().name().toLowerCase(Locale.ROOT), cell.ratingText());
            }
        }
    }

    @Test
    void gradesSayWhatTheCourseTeaches() {
        DriverMatrix m = DriverMatrix.build(lab, Locale.ENGLISH, null);
        assertEquals(Rating.HIGH, cell(m, Topic.PERFORMANCE, Driver.HOST).rating());
        assertEquals(Rating.LOW, cell(m, Topic.PERFORMANCE, Driver.OVERLAY).rating());
        assertEquals(Rating.LOW, cell(m, Topic.ISOLATION, Driver.HOST).rating());
        assertEquals(Rating.HIGH, cell(m, Topic.ISOLATION, Driver.NONE).rating());
        assertEquals(Rating.HIGH, cell(m, Topic.PORTS, Driver.BRIDGE).rating());
        assertEquals(Rating.NONE, cell(m, Topic.PORTS, Driver.MACVLAN).rating());
        assertEquals(Rating.HIGH, cell(m, Topic.DNS, Driver.OVERLAY).rating());
        assertEquals("user-defined only", cell(m, Topic.DNS, Driver.BRIDGE).word());
    }

    @Test
    void columnHeadsCountWhatTheLiveHostsUse() {
        DriverMatrix m = DriverMatrix.build(lab, Locale.ENGLISH, null);
        assertEquals("here: 7 networks, 9 containers", m.columns().get(Driver.BRIDGE.ordinal()).usage());
        assertEquals("here: 0 networks, 0 containers", m.columns().get(Driver.IPVLAN.ordinal()).usage());
    }

    @Test
    void switchingTheLanguageRendersTheSameMatrixInKorean() {
        DriverMatrix en = DriverMatrix.build(lab, Locale.ENGLISH, Driver.OVERLAY);
        DriverMatrix ko = DriverMatrix.build(lab, Locale.KOREAN, Driver.OVERLAY);
        assertEquals("Criterion", en.corner());
        assertEquals("비교 기준", ko.corner());
        assertEquals("이 환경: 네트워크 7개, 컨테이너 9개", ko.columns().get(Driver.BRIDGE.ordinal()).usage());
        for (int r = 0; r < en.rows().size(); r++) {
            assertNotEquals(en.rows().get(r).label(), ko.rows().get(r).label());
            assertEquals(en.rows().get(r).cells().stream().map(MatrixCell::rating).toList(),
                    ko.rows().get(r).cells().stream().map(MatrixCell::rating).toList());
        }
        assertTrue(ko.rows().get(0).cells().get(0).word().matches(".*\\p{IsHangul}.*"));
    }

    @Test
    void englishStaysEnglishOnAKoreanSystem() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREA);
            // en_US has no bundle of its own: the lookup must end at the English base, not the default locale.
            assertEquals("Criterion", DriverMatrix.build(lab, Locale.US, null).corner());
            Locale.setDefault(Locale.US);
            assertEquals("비교 기준", DriverMatrix.build(lab, Locale.KOREA, null).corner());
        } finally {
            Locale.setDefault(before);
        }
    }

    private static MatrixCell cell(DriverMatrix m, Topic topic, Driver d) {
        return m.rows().stream().filter(r -> r.topic() == topic).findFirst().orElseThrow().cells().get(d.ordinal());
    }
}
