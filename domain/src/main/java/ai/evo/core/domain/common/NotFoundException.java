package ai.evo.core.domain.common;

/**
 * A resource does not exist or belongs to another tenant. Both cases use this type, so a caller cannot tell
 * another tenant's resource from a missing one.
 */
public final class NotFoundException extends DomainException {
    private final String resourceType;

    /**
     * Creates the exception for one resource type, for example {@code "client"}.
     *
     * @param resourceType the kind of resource that was looked up
     */
    public NotFoundException(String resourceType) {
        super(resourceType + " not found");
        this.resourceType = resourceType;
    }

    /** Returns the kind of resource that was looked up. */
    public String resourceType() {
        return resourceType;
    }
}
