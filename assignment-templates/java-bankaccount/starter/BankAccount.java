/**
 * A bank account holding a whole number of cents.
 *
 * Complete every method below. Do not rename the class or the methods, or change their
 * parameters: the tests call them exactly like this.
 *
 * Rules:
 *  - A new account has the given owner and a balance of 0 (or the initial balance given).
 *    The owner must not be null or blank, and the initial balance must not be negative:
 *    otherwise the constructor throws IllegalArgumentException.
 *  - deposit(amount) adds amount to the balance; amount must be positive
 *    (else IllegalArgumentException).
 *  - withdraw(amount) takes amount from the balance; amount must be positive
 *    (else IllegalArgumentException) and at most the balance (else IllegalStateException,
 *    and the balance is left unchanged).
 *  - transfer(other, amount) moves amount from this account to other, with the rules of
 *    withdraw; other must not be null nor this same account (else IllegalArgumentException).
 *    When a transfer fails, neither balance changes.
 *
 * Compile and try it: javac BankAccount.java Main.java && java Main
 */
public class BankAccount {
    private final String owner;
    private long balance;

    public BankAccount(String owner) {
        this(owner, 0);
    }

    public BankAccount(String owner, long initialBalance) {
        // TODO: check the owner and the initial balance.
        this.owner = owner;
        this.balance = 0;
    }

    public String getOwner() {
        return owner;
    }

    public long getBalance() {
        return balance;
    }

    public void deposit(long amount) {
        // TODO: check amount, then add it to the balance.
    }

    public void withdraw(long amount) {
        // TODO: check amount, then take it from the balance.
    }

    public void transfer(BankAccount other, long amount) {
        // TODO: move amount from this account to other.
    }
}
