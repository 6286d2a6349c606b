from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.application import Application
from ...models.error import Error
from ...models.financing_decision import FinancingDecision
from typing import cast



def _get_kwargs(
    *,
    body: FinancingDecision,
    x_refgraph_institution: str,
    x_refgraph_signature: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Refgraph-Institution"] = x_refgraph_institution

    headers["X-Refgraph-Signature"] = x_refgraph_signature



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/financing/callbacks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Application | Error:
    if response.status_code == 200:
        response_200 = Application.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Application | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FinancingDecision,
    x_refgraph_institution: str,
    x_refgraph_signature: str,

) -> Response[Application | Error]:
    """ An institution decides on one of its applications (signed with its secret)

     approved, declined (the sale is void), disbursed (the buyer's points are
    earned) or cancelled; idempotent on the decision's reference, and a
    signature more than 300 s old is refused.

    Args:
        x_refgraph_institution (str):
        x_refgraph_signature (str):
        body (FinancingDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Application | Error]
     """


    kwargs = _get_kwargs(
        body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FinancingDecision,
    x_refgraph_institution: str,
    x_refgraph_signature: str,

) -> Application | Error | None:
    """ An institution decides on one of its applications (signed with its secret)

     approved, declined (the sale is void), disbursed (the buyer's points are
    earned) or cancelled; idempotent on the decision's reference, and a
    signature more than 300 s old is refused.

    Args:
        x_refgraph_institution (str):
        x_refgraph_signature (str):
        body (FinancingDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Application | Error
     """


    return sync_detailed(
        client=client,
body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FinancingDecision,
    x_refgraph_institution: str,
    x_refgraph_signature: str,

) -> Response[Application | Error]:
    """ An institution decides on one of its applications (signed with its secret)

     approved, declined (the sale is void), disbursed (the buyer's points are
    earned) or cancelled; idempotent on the decision's reference, and a
    signature more than 300 s old is refused.

    Args:
        x_refgraph_institution (str):
        x_refgraph_signature (str):
        body (FinancingDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Application | Error]
     """


    kwargs = _get_kwargs(
        body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FinancingDecision,
    x_refgraph_institution: str,
    x_refgraph_signature: str,

) -> Application | Error | None:
    """ An institution decides on one of its applications (signed with its secret)

     approved, declined (the sale is void), disbursed (the buyer's points are
    earned) or cancelled; idempotent on the decision's reference, and a
    signature more than 300 s old is refused.

    Args:
        x_refgraph_institution (str):
        x_refgraph_signature (str):
        body (FinancingDecision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Application | Error
     """


    return (await asyncio_detailed(
        client=client,
body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    )).parsed
