package ai.evo.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the module layout. The rules are defined once here and checked twice: against the
 * production classes, and against deliberately violating classes to prove that each rule can fail.
 */
final class ArchitectureRules {
    static final String DOMAIN = "ai.evo.core.domain..";
    static final String APPLICATION = "ai.evo.core.application..";
    static final String PERSISTENCE = "ai.evo.core.persistence..";
    static final String HTTP = "ai.evo.core.http..";
    static final String BOOTSTRAP = "ai.evo.core.bootstrap..";
    static final String MAIL = "ai.evo.core.mail..";
    static final String PASSWORDS = "ai.evo.core.passwords..";

    /** Libraries that belong to adapters and must never reach the domain or the use cases. */
    private static final String[] ADAPTER_LIBRARIES = {
        "org.jdbi..", "io.javalin..", "com.fasterxml..", "java.sql..", "javax.sql..", "com.google.crypto.tink..",
        "at.favre..", "org.postgresql..", "com.zaxxer..", "liquibase..", "io.zonky..", "org.eclipse.jetty..",
        "jakarta.mail..", "org.eclipse.angus..", "me.gosimple.."
    };

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java with no third-party dependency");

    static final ArchRule APPLICATION_USES_ONLY_DOMAIN = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases depend on the domain only, so embedding apps get them without adapters");

    static final ArchRule CORE_AVOIDS_ADAPTER_LIBRARIES = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_LIBRARIES)
            .because("database, web, JSON and crypto libraries stay in the adapters");

    static final ArchRule PERSISTENCE_IGNORES_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, MAIL, PASSWORDS, BOOTSTRAP, APPLICATION)
            .because("the persistence adapter implements domain ports and knows no other adapter");

    static final ArchRule HTTP_IGNORES_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, MAIL, PASSWORDS, BOOTSTRAP)
            .because("the HTTP adapter calls use cases and knows no other adapter");

    static final ArchRule MAIL_IGNORES_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage(MAIL)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, HTTP, PASSWORDS, BOOTSTRAP)
            .because("the mail adapter sends mail and runs the outbox use case, and knows no other adapter");

    static final ArchRule PASSWORDS_IGNORE_OTHER_LAYERS = noClasses()
            .that().resideInAPackage(PASSWORDS)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, HTTP, MAIL, BOOTSTRAP, APPLICATION)
            .because("the password dictionary implements a domain port and knows no other adapter");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the composition root and sits on top of everything");

    static final ArchRule CORE_HAS_NO_STATIC_MUTABLE_FIELDS = fields()
            .that().areStatic().and().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().beFinal()
            .because("apps embed the domain and the use cases, so they must keep no state shared across instances");

    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices()
            .matching("ai.evo.core.(**)")
            .should().beFreeOfCycles();

    private ArchitectureRules() {
    }
}
