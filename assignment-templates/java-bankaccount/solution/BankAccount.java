/** A bank account holding a whole number of cents: reference solution. */
public class BankAccount {
    private final String owner;
    private long balance;

    public BankAccount(String owner) {
        this(owner, 0);
    }

    public BankAccount(String owner, long initialBalance) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
        if (initialBalance < 0) {
            throw new IllegalArgumentException("initial balance must not be negative");
        }
        this.owner = owner;
        this.balance = initialBalance;
    }

    public String getOwner() {
        return owner;
    }

    public long getBalance() {
        return balance;
    }

    public void deposit(long amount) {
        requirePositive(amount);
        balance += amount;
    }

    public void withdraw(long amount) {
        requirePositive(amount);
        if (amount > balance) {
            throw new IllegalStateException("insufficient funds");
        }
        balance -= amount;
    }

    public void transfer(BankAccount other, long amount) {
        if (other == null || other == this) {
            throw new IllegalArgumentException("transfer needs another account");
        }
        withdraw(amount);  // checks everything before anything changes
        other.deposit(amount);
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
