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
}
