package ai.evo.core.domain.archviolation;

/** Breaks the no-shared-state rule on purpose with a static field that is not final. */
public class DomainWithStaticCounter {
    /** Shared across every instance and every app that embeds the domain. */
    public static int calls;
}
