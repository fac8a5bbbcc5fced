package ai.evo.core.persistence.archviolation;

import ai.evo.core.bootstrap.Main;

/** Breaks the adapter rules on purpose by reaching into the composition root. */
public class PersistenceUsingBootstrap {
    /** Holds a bootstrap type, which adapters must not see. */
    public Main main;
}
