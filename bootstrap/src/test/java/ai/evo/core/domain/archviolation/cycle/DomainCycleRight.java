package ai.evo.core.domain.archviolation.cycle;

import ai.evo.core.domain.archviolation.DomainCycleLeft;

/** The other side of a package cycle made on purpose. */
public class DomainCycleRight {
    /** Points back into the first package. */
    public DomainCycleLeft left;
}
