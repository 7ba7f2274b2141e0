package dev.netlens.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Snapshot -> graph -> layout -> view: only the view may know JavaFX, and nothing flows back. */
@AnalyzeClasses(packages = "dev.netlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.netlens.ui..", "dev.netlens.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule graphAndLayoutDoNotKnowTheView = noClasses()
            .that().resideInAnyPackage("dev.netlens.graph..", "dev.netlens.layout..", "dev.netlens.snapshot..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.netlens.ui..", "dev.netlens.app..");

    @ArchTest
    static final ArchRule viewNeverCallsDocker = noClasses()
            .that().resideInAnyPackage("dev.netlens.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "dev.netlens.discovery..");

    /** docker-java stays at the edge: the transport adapter, the event stream, and the lab's write client. */
    @ArchTest
    static final ArchRule dockerJavaOnlyInItsAdapters = noClasses()
            .that().resideOutsideOfPackages("dev.netlens.discovery.engine..", "dev.netlens.live..", "dev.netlens.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..");

    /** The snapshot is the contract: it knows nothing of how it was discovered or drawn. */
    @ArchTest
    static final ArchRule snapshotDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.netlens.snapshot..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.netlens.discovery..", "dev.netlens.graph..",
                    "dev.netlens.layout..", "dev.netlens.live..", "dev.netlens.cli..");
}
