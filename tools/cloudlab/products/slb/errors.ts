// The errors Server Load Balancer answers, with the codes, HTTP statuses and messages of its API
// reference: the "Common error codes" page of SLB 2014-05-15 (error-center.alibabacloud.com/status/product/Slb)
// and the operations' own pages where they list one (cited at each). The provider matches some of
// them by message text (IsExpectedErrors compares the code or a substring of the message,
// terraform-provider-alicloud alicloud/errors.go), so the messages are the cloud's, word for word.
import { ApiError } from "../../apiError";

/** DescribeLoadBalancerAttribute et al. (404: the provider's old RPC SDK also reads 404 as not found). */
export const loadBalancerNotFound = (): ApiError =>
  new ApiError("InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist.", 404);

/** A listener that is not there: the provider matches "The specified resource does not exist". */
export const listenerNotFound = (): ApiError => new ApiError("InvalidParameter", "The specified resource does not exist.", 400);

/** The provider matches "The specified VServerGroupId does not exist" and InvalidParameter. */
export const vServerGroupNotFound = (): ApiError => new ApiError("InvalidParameter", "The specified VServerGroupId does not exist.", 404);

export const listenerExists = (): ApiError =>
  new ApiError("ListenerAlreadyExists", "A listener with the specified port already exists", 400);

/** DeleteVServerGroup's reference: a listener still forwards to the group. */
export const vServerGroupInUse = (): ApiError => new ApiError("RspoolVipExist", "there are vips associating with this vServer group.", 400);

/** DeleteServerCertificate's reference: a listener still serves the certificate. */
export const certificateInUse = (): ApiError =>
  new ApiError("CertificateAndPrivateKeyIsRefered", "The specified certificate is bound to listeners. You cannot delete it.", 400);

/** A ServerCertificateId the account does not hold. The code is the one the provider's Delete treats as gone; the status is not documented. */
export const certificateNotFound = (): ApiError =>
  new ApiError("ServerCertificateId.NotFound", "The specified ServerCertificateId does not exist.", 400);

/** DeleteLoadBalancer's reference, for an instance with deletion protection on. */
export const deleteProtectionOn = (): ApiError =>
  new ApiError("OperationDenied.DeleteProtectionIsOn", "The loadbalancer can't be deleted due to DeleteProtection is enabled.", 400);

/** A backend that is not a running instance of the account. */
export const backendNotAvailable = (): ApiError =>
  new ApiError(
    "ObtainIpFail",
    "The specified BackendServers is invalid; some of the specified backend servers do not exist or are not running.",
    400,
  );

/** An instance in another VPC than the load balancer's. */
export const backendNetworkMismatch = (): ApiError =>
  new ApiError("InvalidParameter", "The specified load balancer does not support the network type of the ECS instance.", 400);

/** Backends of one internet load balancer spread over several VPCs. */
export const backendsInconsistent = (): ApiError =>
  new ApiError(
    "InvalidBackendServers.Inconsistent",
    "All BackendServers on one Specified LoadBalancer have to be in the same vpc or all classic",
    400,
  );

export const certificateMalformed = (): ApiError =>
  new ApiError("KeyFormatError", "The specified ServerCertificate is incorrectly formatted.", 400);

export const keyMismatch = (): ApiError => new ApiError("CertificateNotMatchPrivateKey", "Certificate and key does not match.", 400);

export const invalidParameter = (message: string): ApiError => new ApiError("InvalidParameter", message, 400);
