package io.enscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency arrows of design.md's architecture table. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // By location rather than the predefined option, which only knows target/test-classes.
        ImportOption mainClassesOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(mainClassesOnly).importPackages("io.enscope");
    }

    @Test
    void theEmulatorImportsNothingOfTheApp() {
        noClasses().that().resideInAPackage("io.enscope.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.enscope.ens..", "io.enscope.inventory..",
                        "io.enscope.binding..", "io.enscope.ui..", "javafx..")
                .andShould().dependOnClassesThat().haveFullyQualifiedName("io.enscope.App")
                .andShould().dependOnClassesThat().haveFullyQualifiedName("io.enscope.Main")
                .check(classes);
    }

    @Test
    void theCoreNeverTouchesJavaFxOrTheEmulator() {
        noClasses().that().resideInAnyPackage("io.enscope.ens..", "io.enscope.inventory..", "io.enscope.binding..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.enscope.emulator..",
                        "io.enscope.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void ensDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("io.enscope.ens..")
                .should().dependOnClassesThat().resideInAnyPackage("io.enscope.inventory..", "io.enscope.binding..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewModelsNeverImportJavaFxScene() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootReachesTheEmulator() {
        noClasses().that().resideInAnyPackage("io.enscope.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.enscope.emulator..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
