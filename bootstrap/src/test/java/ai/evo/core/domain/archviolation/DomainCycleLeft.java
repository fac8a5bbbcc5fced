package ai.evo.core.domain.archviolation;

import ai.evo.core.domain.archviolation.cycle.DomainCycleRight;

/** One side of a package cycle made on purpose. */
public class DomainCycleLeft {
    /** Points into the other package, which points back. */
    public DomainCycleRight right;
}
