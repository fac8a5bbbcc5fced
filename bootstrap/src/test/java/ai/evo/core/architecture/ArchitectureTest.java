package ai.evo.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the production classes of every module against the dependency rules. */
class ArchitectureTest {
    private static JavaClasses production;

    /** Leaves out test classes, whether they come from a test-classes folder or a published test-jar. */
    private static final class ProductionOnly implements ImportOption {
        private final ImportOption notTests = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return notTests.includes(location) && !location.contains("-tests.jar");
        }
    }

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(new ProductionOnly()).importPackages("ai.evo.core");
    }

    @Test
    void domainUsesOnlyTheJdk() {
        ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK.check(production);
    }

    @Test
    void applicationUsesOnlyDomain() {
        ArchitectureRules.APPLICATION_USES_ONLY_DOMAIN.check(production);
    }

    @Test
    void coreAvoidsAdapterLibraries() {
        ArchitectureRules.CORE_AVOIDS_ADAPTER_LIBRARIES.check(production);
    }

    @Test
    void persistenceIgnoresOtherAdapters() {
        ArchitectureRules.PERSISTENCE_IGNORES_OTHER_ADAPTERS.check(production);
    }

    @Test
    void httpIgnoresOtherAdapters() {
        ArchitectureRules.HTTP_IGNORES_OTHER_ADAPTERS.check(production);
    }

    @Test
    void mailIgnoresOtherAdapters() {
        ArchitectureRules.MAIL_IGNORES_OTHER_ADAPTERS.check(production);
    }

    @Test
    void passwordsIgnoreOtherLayers() {
        ArchitectureRules.PASSWORDS_IGNORE_OTHER_LAYERS.check(production);
    }

    @Test
    void nothingDependsOnBootstrap() {
        ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP.check(production);
    }

    @Test
    void coreHasNoStaticMutableFields() {
        ArchitectureRules.CORE_HAS_NO_STATIC_MUTABLE_FIELDS.check(production);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES.check(production);
    }
}
