package ai.evo.core.passwords.archviolation;

import ai.evo.core.application.shared.Caller;

/** Breaks the adapter rules on purpose by reaching into the use cases. */
public class PasswordsUsingApplication {
    /** Holds an application type, which the dictionary adapter must not see. */
    public Caller caller;
}
