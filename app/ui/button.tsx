import type { ComponentProps } from "react";

const variants = {
  primary: "bg-blue-900 text-white hover:bg-blue-1000 hover:underline",
  secondary: "border border-blue-900 bg-white text-blue-900 hover:bg-blue-50 hover:underline",
  tertiary: "text-blue-1000 underline hover:text-blue-1100",
} as const;

export function Button({ variant = "primary", className = "", ...rest }: ComponentProps<"button"> & { variant?: keyof typeof variants }) {
  return (
    <button
      type="submit"
      className={`inline-flex min-h-11 items-center justify-center rounded-8 px-4 py-2 text-std-16B-170 ${variants[variant]} ${className}`}
      {...rest}
    />
  );
}
