// The committed prod stack through its life (stackLife.ts): two instances, the deploy check in
// `pulumi up` running for real, and its protected resources released before destroy.
import { testStackLife } from "./stackLife";

testStackLife({ stackName: "prod", domain: "example.com", instanceCount: 2, protectedStack: true });
