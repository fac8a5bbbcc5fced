/**
 * PostgreSQL persistence for Evo AI Core: JDBI repositories for every domain port, Liquibase migrations, HikariCP
 * pools, an embedded PostgreSQL launcher, Tink encryption of stored secrets and bcrypt password hashing.
 *
 * <p>Start-up order: open a pool with {@link ai.evo.core.persistence.ConnectionPools#open}, or start
 * {@link ai.evo.core.persistence.EmbeddedDatabase} first; run
 * {@link ai.evo.core.persistence.DatabaseMigrations#migrate};
 * load the keyset with {@link ai.evo.core.persistence.SecretKeysets}; then build
 * {@link ai.evo.core.persistence.PostgresPersistence}, which exposes the ports. Every other class of the package
 * is an implementation detail.
 */
package ai.evo.core.persistence;
