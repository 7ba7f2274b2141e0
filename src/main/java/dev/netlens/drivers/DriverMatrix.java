package dev.netlens.drivers;

import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison matrix: rows are criteria, columns drivers, the selected network's driver highlighted.
 *
 * @param corner the label over the criteria column
 */
public record DriverMatrix(String corner, List<MatrixColumn> columns, List<MatrixRow> rows) {
    private static final Texts T = Bundle.TEXTS;

    public DriverMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @param snapshot the live topology for the usage line under each driver, or null
     * @param selected the selected network's driver, or null for no highlight
     */
    public static DriverMatrix build(TopologySnapshot snapshot, Locale locale, Driver selected) {
        List<MatrixColumn> columns = new ArrayList<>();
        for (Driver d : Driver.values()) {
            DriverFacts facts = DriverFacts.from(snapshot, d);
            columns.add(new MatrixColumn(d, DriverCards.title(d, locale),
                    T.text(locale, "matrix.usage", facts.networks(), facts.containers()), d == selected));
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            if (!topic.rated()) {
                continue;
            }
            List<MatrixCell> cells = new ArrayList<>();
            for (Driver d : Driver.values()) {
                Rating rating = Ratings.of(d, topic);
                cells.add(new MatrixCell(d, rating, T.text(locale, rating.key()),
                        DriverCards.shortText(d, topic, locale), d == selected));
            }
            rows.add(new MatrixRow(topic, T.text(locale, "matrix.row." + topic.key()), cells));
        }
        return new DriverMatrix(T.text(locale, "matrix.corner"), columns, rows);
    }
}
