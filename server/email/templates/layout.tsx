import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import type { StoreIdentity } from "../email.types";

const page = { backgroundColor: "#f4f4f5", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0 };
const card = { backgroundColor: "#ffffff", maxWidth: "600px", margin: "24px auto", padding: "24px", borderRadius: "6px" };
export const text = { fontSize: "15px", lineHeight: "22px", color: "#18181b", margin: "0 0 12px" };
export const muted = { ...text, fontSize: "13px", lineHeight: "19px", color: "#52525b" };
const footer = { ...muted, fontSize: "12px", margin: "0" };
const button = { backgroundColor: "#1d4ed8", color: "#ffffff", padding: "12px 20px", borderRadius: "4px", fontSize: "15px" };

/** Every message's frame: the store's name on top, the content, and the store's name and address below. */
export function Layout({ store, preview, title, children }: { store: StoreIdentity; preview: string; title: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={{ ...muted, fontWeight: 600 }}>{store.name}</Text>
          <Heading as="h1" style={{ fontSize: "22px", lineHeight: "28px", margin: "0 0 16px", color: "#18181b" }}>
            {title}
          </Heading>
          {children}
          <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0 12px" }} />
          <Text style={footer}>{store.name}</Text>
          {store.address ? <Text style={footer}>{store.address}</Text> : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={text}>{children}</Text>;
}

export function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Button href={href} style={button}>
        {children}
      </Button>
    </Section>
  );
}
