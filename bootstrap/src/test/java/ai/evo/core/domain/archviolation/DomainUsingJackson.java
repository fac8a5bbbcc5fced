package ai.evo.core.domain.archviolation;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the domain rules on purpose by using Jackson. */
public class DomainUsingJackson {
    /** Holds a Jackson type, which the domain must not see. */
    public ObjectMapper mapper;
}
