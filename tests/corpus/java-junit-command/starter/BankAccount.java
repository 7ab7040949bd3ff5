public class BankAccount {
    private long balance;

    public void deposit(long amount) {
        balance += amount;
    }

    public void withdraw(long amount) {
        // TODO: refuse to go below zero
        balance -= amount;
    }

    public long getBalance() {
        return balance;
    }
}
