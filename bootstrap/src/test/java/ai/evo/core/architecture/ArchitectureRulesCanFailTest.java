package ai.evo.core.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.evo.core.application.archviolation.ApplicationUsingPersistence;
import ai.evo.core.domain.archviolation.DomainCycleLeft;
import ai.evo.core.domain.archviolation.DomainUsingJackson;
import ai.evo.core.domain.archviolation.DomainWithStaticCounter;
import ai.evo.core.mail.archviolation.MailUsingPersistence;
import ai.evo.core.passwords.archviolation.PasswordsUsingApplication;
import ai.evo.core.persistence.archviolation.PersistenceUsingBootstrap;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Proves that every dependency rule fails on a class that breaks it, so no rule can pass by matching nothing.
 * The violating classes live in this test source tree only.
 */
class ArchitectureRulesCanFailTest {

    private static void assertRuleFails(ArchRule rule, Class<?>... violators) {
        JavaClasses classes = new ClassFileImporter().importClasses(violators);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class);
    }

    @Test
    void domainRuleCatchesThirdPartyType() {
        assertRuleFails(ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK, DomainUsingJackson.class);
    }

    @Test
    void coreRuleCatchesAdapterLibrary() {
        assertRuleFails(ArchitectureRules.CORE_AVOIDS_ADAPTER_LIBRARIES, DomainUsingJackson.class);
    }

    @Test
    void applicationRuleCatchesAdapterType() {
        assertRuleFails(ArchitectureRules.APPLICATION_USES_ONLY_DOMAIN, ApplicationUsingPersistence.class);
    }

    @Test
    void persistenceRuleCatchesBootstrapType() {
        assertRuleFails(ArchitectureRules.PERSISTENCE_IGNORES_OTHER_ADAPTERS, PersistenceUsingBootstrap.class);
    }

    @Test
    void mailRuleCatchesPersistenceType() {
        assertRuleFails(ArchitectureRules.MAIL_IGNORES_OTHER_ADAPTERS, MailUsingPersistence.class);
    }

    @Test
    void passwordsRuleCatchesApplicationType() {
        assertRuleFails(ArchitectureRules.PASSWORDS_IGNORE_OTHER_LAYERS, PasswordsUsingApplication.class);
    }

    @Test
    void bootstrapRuleCatchesDependencyOnBootstrap() {
        assertRuleFails(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, PersistenceUsingBootstrap.class);
    }

    @Test
    void staticFieldRuleCatchesMutableField() {
        assertRuleFails(ArchitectureRules.CORE_HAS_NO_STATIC_MUTABLE_FIELDS, DomainWithStaticCounter.class);
    }

    @Test
    void cycleRuleCatchesCycle() {
        assertRuleFails(ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES, DomainCycleLeft.class,
                ai.evo.core.domain.archviolation.cycle.DomainCycleRight.class);
    }
}
