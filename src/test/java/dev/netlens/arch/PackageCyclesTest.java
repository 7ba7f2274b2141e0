package dev.netlens.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Packages depend on each other one way: no cycle among the top-level feature packages, none among
 * the window's own packages (the {@code ui} package itself counting as one of them), and the
 * ViewModels hold state and commands, never scene-graph nodes.
 */
@AnalyzeClasses(packages = "dev.netlens", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("dev.netlens.(*)..")
            .namingSlices("$1").should().beFreeOfCycles();

    /** {@code dev.netlens.ui} and each {@code dev.netlens.ui.X..} is one slice. */
    private static final SliceAssignment UI_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals("dev.netlens.ui")) {
                return SliceIdentifier.of("ui");
            }
            if (p.startsWith("dev.netlens.ui.")) {
                String rest = p.substring("dev.netlens.ui.".length());
                int dot = rest.indexOf('.');
                return SliceIdentifier.of("ui." + (dot < 0 ? rest : rest.substring(0, dot)));
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the ui package and each of its sub-packages";
        }
    };

    @ArchTest
    static final ArchRule uiPackagesHaveNoCycles = slices().assignedFrom(UI_PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewModelsHoldNoSceneNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");
}
