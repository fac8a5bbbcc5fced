package ai.evo.core.domain.user;

/**
 * A login attempt counted before the password is checked.
 *
 * @param number       the attempt's position in the current run of attempts, starting at 1
 * @param locksAccount whether this attempt reached the threshold and so locked the account; a success clears
 *                     only a lock that its own attempt set
 */
public record LoginAttempt(int number, boolean locksAccount) {
}
