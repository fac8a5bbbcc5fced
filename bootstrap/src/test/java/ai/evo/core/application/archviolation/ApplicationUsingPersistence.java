package ai.evo.core.application.archviolation;

import ai.evo.core.persistence.archviolation.PersistenceUsingBootstrap;

/** Breaks the application rule on purpose by naming an adapter type. */
public class ApplicationUsingPersistence {
    /** Holds an adapter type, which use cases must not see. */
    public PersistenceUsingBootstrap adapter;
}
