import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        long total = 0;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long value = in.nextLong();
            total += value;
            max = Math.max(max, value);
        }
        if (args.length > 0 && args[0].equals("max")) {
            System.out.println("Max = " + max);
        } else {
            System.out.println("Total = " + total);
        }
    }
}
