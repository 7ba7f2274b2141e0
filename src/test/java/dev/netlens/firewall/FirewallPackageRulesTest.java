package dev.netlens.firewall;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The firewall logic must stay usable without a UI: the panel is built on top of it elsewhere. */
class FirewallPackageRulesTest {
    @Test
    void firewallLogicDoesNotDependOnJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.netlens.firewall");
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }
}
