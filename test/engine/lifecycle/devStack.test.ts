// The committed dev stack through its life (stackLife.ts): one instance, no deploy check.
import { testStackLife } from "./stackLife";

testStackLife({ stackName: "dev", domain: "dev.example.com", instanceCount: 1, protectedStack: false });
