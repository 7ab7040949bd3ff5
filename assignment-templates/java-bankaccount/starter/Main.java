/** A small program to try BankAccount by hand; it is not graded. */
public class Main {
    public static void main(String[] args) {
        BankAccount alice = new BankAccount("Alice", 10_000);
        BankAccount bob = new BankAccount("Bob");
        alice.deposit(2_550);
        alice.transfer(bob, 5_000);
        bob.withdraw(1_000);
        System.out.println(alice.getOwner() + ": " + alice.getBalance() + " cents");   // Alice: 7550 cents
        System.out.println(bob.getOwner() + ": " + bob.getBalance() + " cents");       // Bob: 4000 cents
    }
}
