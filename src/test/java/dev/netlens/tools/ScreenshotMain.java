package dev.netlens.tools;

import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders the window at 1920x1080 to a PNG, for looking at the picture as a classroom would.
 * Args: SNAPSHOT.json OUT.png [search=TEXT] [stale=HOST] [hide-stopped] [network=NAME] [source=demo]
 * [lang=ko|en] [tab=properties|firewall|drivers|dns] [rule=TEXT] (picks the first firewall rule whose text
 * contains TEXT) [dns=NETWORK] (picks that network in the DNS chooser) [collapse=NAME] (collapses the
 * group or network of that name; repeatable) [select=TEXT].
 * Run under Xvfb (DISPLAY=:99, -Dprism.order=sw) or headless Monocle.
 */
public final class ScreenshotMain {
    public static void main(String[] args) throws Exception {
        TopologySnapshot snapshot = SnapshotJson.read(Path.of(args[0]));
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                TopologySnapshot shown = java.util.Arrays.asList(args).contains("source=demo")
                        ? snapshot.withSource("demo") : snapshot;
                java.util.Locale locale = java.util.Arrays.asList(args).contains("lang=ko")
                        ? java.util.Locale.KOREAN : java.util.Locale.ENGLISH;
                MainWindow w = new MainWindow(shown, new SameThreadExecutor(),
                        new dev.netlens.layout.StableLayout(new dev.netlens.layout.StackLayout(
                                new dev.netlens.ui.topology.FxLabelMetrics())),
                        dev.netlens.ui.language.UiLanguage.of(locale));
                Stage stage = new Stage();
                Scene scene = new Scene(w.root(), 1920, 1080);
                w.installShortcuts(scene);
                stage.setScene(scene);
                stage.setWidth(1920);
                stage.setHeight(1080);
                stage.show();
                for (int i = 2; i < args.length; i++) {
                    String a = args[i];
                    if (a.startsWith("search=")) {
                        w.canvasModel().search(a.substring(7));
                    } else if (a.startsWith("stale=")) {
                        w.setStaleHosts(Set.of(a.substring(6)));
                    } else if (a.equals("hide-stopped")) {
                        w.canvasModel().hideStoppedProperty().set(true);
                    } else if (a.startsWith("network=")) {
                        w.canvasModel().onlyNetworkProperty().set(a.substring(8));
                    } else if (a.startsWith("tab=")) {
                        String id = "tab-" + a.substring(4);
                        w.sideTabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                                .ifPresent(t -> w.sideTabs().getSelectionModel().select(t));
                        stage.getScene().getRoot().applyCss();
                        stage.getScene().getRoot().layout();
                    } else if (a.startsWith("rule=")) {
                        String text = a.substring(5);
                        var tree = w.firewall().tree();
                        for (int r = 0; r < tree.getExpandedItemCount(); r++) {
                            var item = tree.getTreeItem(r);
                            if (item != null && item.getValue() instanceof dev.netlens.ui.firewall.FirewallPanelViewModel.RuleRow rr
                                    && rr.text().contains(text)) {
                                tree.getSelectionModel().select(item);
                                tree.scrollTo(Math.max(0, r - 3));
                                break;
                            }
                        }
                    } else if (a.startsWith("dns=")) {
                        String name = a.substring(4);
                        w.dns().networkChooser().getItems().stream().filter(c -> c.label().startsWith(name + " ") || c.label().equals(name))
                                .findFirst().ifPresent(c -> w.dns().networkChooser().setValue(c));
                    } else if (a.startsWith("collapse=")) {
                        String name = a.substring(9);
                        var whole = w.state().frame().whole();
                        whole.nodes().stream().filter(n -> n.label().equals(name)
                                        && (n.kind() == dev.netlens.graph.NodeKind.GROUP || n.kind() == dev.netlens.graph.NodeKind.NETWORK))
                                .findFirst().ifPresent(n -> w.state().collapse(n.id()));
                        w.canvas().fitToWindow();
                    } else if (a.startsWith("select=")) {
                        w.canvasModel().search(a.substring(7));
                        w.canvas().fitToWindow();
                    }
                }
                new Thread(() -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Platform.runLater(() -> {
                        try {
                            WritableImage img = scene.snapshot(null);
                            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(args[1]));
                        } catch (Exception e) {
                            e.printStackTrace();
                        } finally {
                            done.countDown();
                        }
                    });
                }).start();
            } catch (RuntimeException e) {
                e.printStackTrace();
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
    }
}
