import { useMutation, useQuery } from "@apollo/client/react";
import * as Ops from "./graphql";

/** The AddToCart mutation. */
export function useAddToCartMutation(options?: useMutation.Options<Ops.AddToCartMutation, Ops.AddToCartMutationVariables>) {
  return useMutation(Ops.AddToCartDocument, options);
}

/** The AdjustStock mutation. */
export function useAdjustStockMutation(options?: useMutation.Options<Ops.AdjustStockMutation, Ops.AdjustStockMutationVariables>) {
  return useMutation(Ops.AdjustStockDocument, options);
}

/** Runs the AdminCategories query. */
export function useAdminCategoriesQuery(options?: useQuery.Options<Ops.AdminCategoriesQuery, Ops.AdminCategoriesQueryVariables>) {
  return useQuery(Ops.AdminCategoriesDocument, options as useQuery.Options<Ops.AdminCategoriesQuery, Ops.AdminCategoriesQueryVariables>);
}

/** Runs the AdminDiscountCodes query. */
export function useAdminDiscountCodesQuery(options?: useQuery.Options<Ops.AdminDiscountCodesQuery, Ops.AdminDiscountCodesQueryVariables>) {
  return useQuery(Ops.AdminDiscountCodesDocument, options as useQuery.Options<Ops.AdminDiscountCodesQuery, Ops.AdminDiscountCodesQueryVariables>);
}

/** Runs the AdminEmails query. */
export function useAdminEmailsQuery(options?: useQuery.Options<Ops.AdminEmailsQuery, Ops.AdminEmailsQueryVariables>) {
  return useQuery(Ops.AdminEmailsDocument, options as useQuery.Options<Ops.AdminEmailsQuery, Ops.AdminEmailsQueryVariables>);
}

/** Runs the AdminOrder query. */
export function useAdminOrderQuery(options: useQuery.Options<Ops.AdminOrderQuery, Ops.AdminOrderQueryVariables>) {
  return useQuery(Ops.AdminOrderDocument, options as useQuery.Options<Ops.AdminOrderQuery, Ops.AdminOrderQueryVariables>);
}

/** Runs the AdminOrders query. */
export function useAdminOrdersQuery(options?: useQuery.Options<Ops.AdminOrdersQuery, Ops.AdminOrdersQueryVariables>) {
  return useQuery(Ops.AdminOrdersDocument, options as useQuery.Options<Ops.AdminOrdersQuery, Ops.AdminOrdersQueryVariables>);
}

/** Runs the AdminProduct query. */
export function useAdminProductQuery(options: useQuery.Options<Ops.AdminProductQuery, Ops.AdminProductQueryVariables>) {
  return useQuery(Ops.AdminProductDocument, options as useQuery.Options<Ops.AdminProductQuery, Ops.AdminProductQueryVariables>);
}

/** Runs the AdminProducts query. */
export function useAdminProductsQuery(options?: useQuery.Options<Ops.AdminProductsQuery, Ops.AdminProductsQueryVariables>) {
  return useQuery(Ops.AdminProductsDocument, options as useQuery.Options<Ops.AdminProductsQuery, Ops.AdminProductsQueryVariables>);
}

/** Runs the AdminShipping query. */
export function useAdminShippingQuery(options?: useQuery.Options<Ops.AdminShippingQuery, Ops.AdminShippingQueryVariables>) {
  return useQuery(Ops.AdminShippingDocument, options as useQuery.Options<Ops.AdminShippingQuery, Ops.AdminShippingQueryVariables>);
}

/** The ApplyDiscountCode mutation. */
export function useApplyDiscountCodeMutation(options?: useMutation.Options<Ops.ApplyDiscountCodeMutation, Ops.ApplyDiscountCodeMutationVariables>) {
  return useMutation(Ops.ApplyDiscountCodeDocument, options);
}

/** The CancelPayment mutation. */
export function useCancelPaymentMutation(options?: useMutation.Options<Ops.CancelPaymentMutation, Ops.CancelPaymentMutationVariables>) {
  return useMutation(Ops.CancelPaymentDocument, options);
}

/** Runs the Cart query. */
export function useCartQuery(options?: useQuery.Options<Ops.CartQuery, Ops.CartQueryVariables>) {
  return useQuery(Ops.CartDocument, options as useQuery.Options<Ops.CartQuery, Ops.CartQueryVariables>);
}

/** Runs the Categories query. */
export function useCategoriesQuery(options?: useQuery.Options<Ops.CategoriesQuery, Ops.CategoriesQueryVariables>) {
  return useQuery(Ops.CategoriesDocument, options as useQuery.Options<Ops.CategoriesQuery, Ops.CategoriesQueryVariables>);
}

/** Runs the Category query. */
export function useCategoryQuery(options: useQuery.Options<Ops.CategoryQuery, Ops.CategoryQueryVariables>) {
  return useQuery(Ops.CategoryDocument, options as useQuery.Options<Ops.CategoryQuery, Ops.CategoryQueryVariables>);
}

/** The ChangePassword mutation. */
export function useChangePasswordMutation(options?: useMutation.Options<Ops.ChangePasswordMutation, Ops.ChangePasswordMutationVariables>) {
  return useMutation(Ops.ChangePasswordDocument, options);
}

/** The CreateCategory mutation. */
export function useCreateCategoryMutation(options?: useMutation.Options<Ops.CreateCategoryMutation, Ops.CreateCategoryMutationVariables>) {
  return useMutation(Ops.CreateCategoryDocument, options);
}

/** The CreateProduct mutation. */
export function useCreateProductMutation(options?: useMutation.Options<Ops.CreateProductMutation, Ops.CreateProductMutationVariables>) {
  return useMutation(Ops.CreateProductDocument, options);
}

/** Runs the Dashboard query. */
export function useDashboardQuery(options?: useQuery.Options<Ops.DashboardQuery, Ops.DashboardQueryVariables>) {
  return useQuery(Ops.DashboardDocument, options as useQuery.Options<Ops.DashboardQuery, Ops.DashboardQueryVariables>);
}

/** The DeleteCategory mutation. */
export function useDeleteCategoryMutation(options?: useMutation.Options<Ops.DeleteCategoryMutation, Ops.DeleteCategoryMutationVariables>) {
  return useMutation(Ops.DeleteCategoryDocument, options);
}

/** The DeleteDiscountCode mutation. */
export function useDeleteDiscountCodeMutation(options?: useMutation.Options<Ops.DeleteDiscountCodeMutation, Ops.DeleteDiscountCodeMutationVariables>) {
  return useMutation(Ops.DeleteDiscountCodeDocument, options);
}

/** The DeleteShippingZone mutation. */
export function useDeleteShippingZoneMutation(options?: useMutation.Options<Ops.DeleteShippingZoneMutation, Ops.DeleteShippingZoneMutationVariables>) {
  return useMutation(Ops.DeleteShippingZoneDocument, options);
}

/** The DeleteTaxRate mutation. */
export function useDeleteTaxRateMutation(options?: useMutation.Options<Ops.DeleteTaxRateMutation, Ops.DeleteTaxRateMutationVariables>) {
  return useMutation(Ops.DeleteTaxRateDocument, options);
}

/** The ImportProductsCsv mutation. */
export function useImportProductsCsvMutation(options?: useMutation.Options<Ops.ImportProductsCsvMutation, Ops.ImportProductsCsvMutationVariables>) {
  return useMutation(Ops.ImportProductsCsvDocument, options);
}

/** The Login mutation. */
export function useLoginMutation(options?: useMutation.Options<Ops.LoginMutation, Ops.LoginMutationVariables>) {
  return useMutation(Ops.LoginDocument, options);
}

/** The Logout mutation. */
export function useLogoutMutation(options?: useMutation.Options<Ops.LogoutMutation, Ops.LogoutMutationVariables>) {
  return useMutation(Ops.LogoutDocument, options);
}

/** The MarkOrderPaid mutation. */
export function useMarkOrderPaidMutation(options?: useMutation.Options<Ops.MarkOrderPaidMutation, Ops.MarkOrderPaidMutationVariables>) {
  return useMutation(Ops.MarkOrderPaidDocument, options);
}

/** Runs the Me query. */
export function useMeQuery(options?: useQuery.Options<Ops.MeQuery, Ops.MeQueryVariables>) {
  return useQuery(Ops.MeDocument, options as useQuery.Options<Ops.MeQuery, Ops.MeQueryVariables>);
}

/** Runs the MyOrders query. */
export function useMyOrdersQuery(options?: useQuery.Options<Ops.MyOrdersQuery, Ops.MyOrdersQueryVariables>) {
  return useQuery(Ops.MyOrdersDocument, options as useQuery.Options<Ops.MyOrdersQuery, Ops.MyOrdersQueryVariables>);
}

/** Runs the Order query. */
export function useOrderQuery(options: useQuery.Options<Ops.OrderQuery, Ops.OrderQueryVariables>) {
  return useQuery(Ops.OrderDocument, options as useQuery.Options<Ops.OrderQuery, Ops.OrderQueryVariables>);
}

/** Runs the PaymentMethods query. */
export function usePaymentMethodsQuery(options?: useQuery.Options<Ops.PaymentMethodsQuery, Ops.PaymentMethodsQueryVariables>) {
  return useQuery(Ops.PaymentMethodsDocument, options as useQuery.Options<Ops.PaymentMethodsQuery, Ops.PaymentMethodsQueryVariables>);
}

/** The PlaceOrder mutation. */
export function usePlaceOrderMutation(options?: useMutation.Options<Ops.PlaceOrderMutation, Ops.PlaceOrderMutationVariables>) {
  return useMutation(Ops.PlaceOrderDocument, options);
}

/** Runs the Product query. */
export function useProductQuery(options: useQuery.Options<Ops.ProductQuery, Ops.ProductQueryVariables>) {
  return useQuery(Ops.ProductDocument, options as useQuery.Options<Ops.ProductQuery, Ops.ProductQueryVariables>);
}

/** Runs the Products query. */
export function useProductsQuery(options?: useQuery.Options<Ops.ProductsQuery, Ops.ProductsQueryVariables>) {
  return useQuery(Ops.ProductsDocument, options as useQuery.Options<Ops.ProductsQuery, Ops.ProductsQueryVariables>);
}

/** The Register mutation. */
export function useRegisterMutation(options?: useMutation.Options<Ops.RegisterMutation, Ops.RegisterMutationVariables>) {
  return useMutation(Ops.RegisterDocument, options);
}

/** The RemoveDiscountCode mutation. */
export function useRemoveDiscountCodeMutation(options?: useMutation.Options<Ops.RemoveDiscountCodeMutation, Ops.RemoveDiscountCodeMutationVariables>) {
  return useMutation(Ops.RemoveDiscountCodeDocument, options);
}

/** The RemoveFromCart mutation. */
export function useRemoveFromCartMutation(options?: useMutation.Options<Ops.RemoveFromCartMutation, Ops.RemoveFromCartMutationVariables>) {
  return useMutation(Ops.RemoveFromCartDocument, options);
}

/** The RequestPasswordReset mutation. */
export function useRequestPasswordResetMutation(options?: useMutation.Options<Ops.RequestPasswordResetMutation, Ops.RequestPasswordResetMutationVariables>) {
  return useMutation(Ops.RequestPasswordResetDocument, options);
}

/** The ResendEmail mutation. */
export function useResendEmailMutation(options?: useMutation.Options<Ops.ResendEmailMutation, Ops.ResendEmailMutationVariables>) {
  return useMutation(Ops.ResendEmailDocument, options);
}

/** The ResetPassword mutation. */
export function useResetPasswordMutation(options?: useMutation.Options<Ops.ResetPasswordMutation, Ops.ResetPasswordMutationVariables>) {
  return useMutation(Ops.ResetPasswordDocument, options);
}

/** The RetryRefund mutation. */
export function useRetryRefundMutation(options?: useMutation.Options<Ops.RetryRefundMutation, Ops.RetryRefundMutationVariables>) {
  return useMutation(Ops.RetryRefundDocument, options);
}

/** The SaveDiscountCode mutation. */
export function useSaveDiscountCodeMutation(options?: useMutation.Options<Ops.SaveDiscountCodeMutation, Ops.SaveDiscountCodeMutationVariables>) {
  return useMutation(Ops.SaveDiscountCodeDocument, options);
}

/** The SaveShippingZone mutation. */
export function useSaveShippingZoneMutation(options?: useMutation.Options<Ops.SaveShippingZoneMutation, Ops.SaveShippingZoneMutationVariables>) {
  return useMutation(Ops.SaveShippingZoneDocument, options);
}

/** The SaveTaxRate mutation. */
export function useSaveTaxRateMutation(options?: useMutation.Options<Ops.SaveTaxRateMutation, Ops.SaveTaxRateMutationVariables>) {
  return useMutation(Ops.SaveTaxRateDocument, options);
}

/** The SelectShipping mutation. */
export function useSelectShippingMutation(options?: useMutation.Options<Ops.SelectShippingMutation, Ops.SelectShippingMutationVariables>) {
  return useMutation(Ops.SelectShippingDocument, options);
}

/** The SetShippingDestination mutation. */
export function useSetShippingDestinationMutation(options?: useMutation.Options<Ops.SetShippingDestinationMutation, Ops.SetShippingDestinationMutationVariables>) {
  return useMutation(Ops.SetShippingDestinationDocument, options);
}

/** Runs the Shop query. */
export function useShopQuery(options?: useQuery.Options<Ops.ShopQuery, Ops.ShopQueryVariables>) {
  return useQuery(Ops.ShopDocument, options as useQuery.Options<Ops.ShopQuery, Ops.ShopQueryVariables>);
}

/** The UpdateCategory mutation. */
export function useUpdateCategoryMutation(options?: useMutation.Options<Ops.UpdateCategoryMutation, Ops.UpdateCategoryMutationVariables>) {
  return useMutation(Ops.UpdateCategoryDocument, options);
}

/** The UpdateOrderStatus mutation. */
export function useUpdateOrderStatusMutation(options?: useMutation.Options<Ops.UpdateOrderStatusMutation, Ops.UpdateOrderStatusMutationVariables>) {
  return useMutation(Ops.UpdateOrderStatusDocument, options);
}

/** The UpdateProduct mutation. */
export function useUpdateProductMutation(options?: useMutation.Options<Ops.UpdateProductMutation, Ops.UpdateProductMutationVariables>) {
  return useMutation(Ops.UpdateProductDocument, options);
}

/** The UpdateQuantity mutation. */
export function useUpdateQuantityMutation(options?: useMutation.Options<Ops.UpdateQuantityMutation, Ops.UpdateQuantityMutationVariables>) {
  return useMutation(Ops.UpdateQuantityDocument, options);
}
