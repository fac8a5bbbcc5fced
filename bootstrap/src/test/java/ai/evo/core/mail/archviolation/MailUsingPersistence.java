package ai.evo.core.mail.archviolation;

import ai.evo.core.persistence.PostgresPersistence;

/** Breaks the adapter rules on purpose by reaching into the persistence adapter. */
public class MailUsingPersistence {
    /** Holds a persistence type, which the mail adapter must not see. */
    public PostgresPersistence persistence;
}
